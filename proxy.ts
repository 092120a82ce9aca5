import { NextResponse, type NextRequest } from "next/server";
import { KNOWN_METHODS, newNonce, ownsCaching, responseKind, securityHeaders } from "@/lib/http/security-headers";
import { crossOriginWriteRefusal } from "@/lib/http/write-origin";
import { env } from "@/lib/env";

const KNOWN = new Set<string>(KNOWN_METHODS);
const ALLOW = KNOWN_METHODS.join(", ");
const httpsByConfig = env.NEXTAUTH_URL?.startsWith("https://") ?? false;

// Every request: unknown methods → 405, cross-site cookie writes → 403, then the security headers on the response
// (a fresh CSP nonce per page, which Next puts on its own scripts because it sees it in the request's CSP header).
export function proxy(req: NextRequest) {
  const https = httpsByConfig || req.headers.get("x-forwarded-proto") === "https";
  const kind = responseKind(req.nextUrl.pathname);
  if (!KNOWN.has(req.method)) {
    return refuse(405, "method_not_allowed", `${req.method} is not supported.`, kind, https, { Allow: ALLOW });
  }
  const refusal = crossOriginWriteRefusal(req.method, (n) => req.headers.get(n));
  if (refusal) return refuse(403, "cross_origin", refusal, kind, https);

  const nonce = kind === "page" ? newNonce() : undefined;
  const headers = securityHeaders(kind, { nonce, https, ownCaching: ownsCaching(req.nextUrl.pathname) });
  const requestHeaders = new Headers(req.headers);
  if (nonce) requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]!);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

function refuse(
  status: number,
  code: string,
  message: string,
  kind: ReturnType<typeof responseKind>,
  https: boolean,
  extra: Record<string, string> = {},
) {
  const headers = { ...securityHeaders(kind === "page" ? "api" : kind, { https }), ...extra };
  return NextResponse.json({ error: { code, message } }, { status, headers });
}

// Requests whose body is an upload (multipart, DICOM, octet-stream) skip the proxy: Next buffers the body of every
// request the proxy sees (10 MB, then silently truncated), which would cut radiographs and defeat the streamed size
// limits of lib/api/read-body.ts. Their headers come from next.config.mjs, their cross-origin check from withAuth.
export const config = {
  matcher: [
    {
      source: "/:path*",
      missing: [{ type: "header", key: "content-type", value: "(?:multipart/.*|application/dicom.*|application/octet-stream.*)" }],
    },
  ],
};
