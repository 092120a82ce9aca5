import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { authenticateToken } from "@/lib/auth/authenticate-token";
import { principalOfSession } from "@/lib/auth/auth-sessions";
import type { Principal } from "@/lib/auth/principal";

export type Credentials = { kind: "none" } | { kind: "invalid_token" } | { kind: "ok"; principal: Principal };

// Resolves the caller from a Bearer token or the session; both re-read the user, so role changes and disabling take
// effect at once. An empty "Bearer" (some clients send one by default) is no credential and never hides the cookie.
export async function resolveCaller(authorization: string | null): Promise<Credentials> {
  if (authorization && !/^Bearer\s*$/i.test(authorization.trim())) {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const principal = m?.[1] ? await authenticateToken(m[1]) : null;
    return principal ? { kind: "ok", principal } : { kind: "invalid_token" };
  }
  const principal = await sessionPrincipal();
  return principal ? { kind: "ok", principal } : { kind: "none" };
}

export async function sessionPrincipal(): Promise<Principal | null> {
  const session = await getServerSession(authOptions);
  return session?.sid ? principalOfSession(session.sid) : null;
}
