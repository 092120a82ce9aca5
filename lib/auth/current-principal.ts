import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { authenticateToken } from "@/lib/auth/authenticate-token";
import { principalOfSession } from "@/lib/auth/auth-sessions";
import type { Principal } from "@/lib/auth/principal";

export type Credentials = { kind: "none" } | { kind: "invalid_token" } | { kind: "ok"; principal: Principal };

// Resolves the caller from an API token (Bearer, or the HTTP Basic password for DICOMweb senders) or the session; both
// re-read the user, so role changes and disabling take effect at once. An empty "Bearer" (some clients send one by
// default) is no credential and never hides the cookie.
export async function resolveCaller(authorization: string | null): Promise<Credentials> {
  if (authorization && !/^Bearer\s*$/i.test(authorization.trim())) {
    const token = tokenOf(authorization.trim());
    const principal = token ? await authenticateToken(token) : null;
    return principal ? { kind: "ok", principal } : { kind: "invalid_token" };
  }
  const principal = await sessionPrincipal();
  return principal ? { kind: "ok", principal } : { kind: "none" };
}

export async function sessionPrincipal(): Promise<Principal | null> {
  const session = await getServerSession(authOptions);
  return session?.sid ? principalOfSession(session.sid) : null;
}

// `Bearer <token>`, or HTTP Basic with the token as the password (any user name): DICOMweb senders such as Orthanc's
// DicomWeb.Servers (Username/Password) and many routers can only send Basic credentials.
function tokenOf(authorization: string): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (bearer) return bearer[1]!;
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization);
  if (!basic) return null;
  const decoded = Buffer.from(basic[1]!, "base64").toString("utf8");
  const password = decoded.slice(decoded.indexOf(":") + 1);
  return decoded.includes(":") && password ? password : null;
}
