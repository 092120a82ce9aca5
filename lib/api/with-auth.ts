import { resolveCaller } from "@/lib/auth/current-principal";
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/schemas/common";
import type { TokenScope } from "@/lib/schemas/token";
import { jsonError, toErrorResponse } from "@/lib/api/errors";
import { crossOriginWriteRefusal } from "@/lib/http/write-origin";
import { observeHttp } from "@/lib/metrics/http-metrics";

type RouteContext = { params: Promise<Record<string, string | string[]>> };
export type AuthedHandler = (args: { req: Request; principal: Principal; params: Record<string, string | string[]> }) => Promise<Response>;

export type WithAuthOptions = {
  roles?: readonly Role[]; // omitted: any signed-in role
  tokenScope?: TokenScope; // omitted: API tokens are not accepted on this route
  metric?: string; // route label for the HTTP latency/error metrics (a pattern, never a path with ids)
};

// The one auth wrapper: 401 without credentials, 403 for the wrong role or scope, errors mapped in one place.
export function withAuth(handler: AuthedHandler, options: WithAuthOptions = {}) {
  const inner = authorised(handler, options);
  if (!options.metric) return inner;
  return async (req: Request, ctx?: RouteContext): Promise<Response> => {
    const started = performance.now();
    const res = await inner(req, ctx);
    observeHttp(options.metric!, req.method, res.status, (performance.now() - started) / 1000);
    return res;
  };
}

function authorised(handler: AuthedHandler, options: WithAuthOptions) {
  return async (req: Request, ctx?: RouteContext): Promise<Response> => {
    try {
      const caller = await resolveCaller(req.headers.get("authorization"));
      if (caller.kind === "none") return jsonError(401, "unauthorized", "Sign in or send an API token.");
      if (caller.kind === "invalid_token") return jsonError(401, "invalid_token", "The API token is unknown, revoked or expired.");
      const { principal } = caller;
      // Also checked by proxy.ts, which uploads skip (their bodies must stream): a cookie write from another site.
      const crossOrigin = principal.via === "session" ? crossOriginWriteRefusal(req.method, (n) => req.headers.get(n)) : null;
      if (crossOrigin) return jsonError(403, "cross_origin", crossOrigin);
      if (principal.via === "token") {
        if (!options.tokenScope) return jsonError(403, "forbidden", "API tokens cannot be used on this route.");
        if (!principal.scopes?.includes(options.tokenScope))
          return jsonError(403, "forbidden", `The API token lacks the '${options.tokenScope}' scope.`);
      }
      if (options.roles && !options.roles.includes(principal.role))
        return jsonError(403, "forbidden", `This needs one of the roles: ${options.roles.join(", ")}.`);
      const params = ctx ? await ctx.params : {};
      return await handler({ req, principal, params });
    } catch (e) {
      return toErrorResponse(e, req);
    }
  };
}

// For routes with no auth (health, readiness): same error mapping.
export function withErrors(handler: (req: Request) => Promise<Response>) {
  return async (req: Request): Promise<Response> => {
    try {
      return await handler(req);
    } catch (e) {
      return toErrorResponse(e, req);
    }
  };
}
