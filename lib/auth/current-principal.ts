import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/auth-options";
import { authenticateToken } from "@/lib/auth/authenticate-token";
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/schemas/common";

export type Credentials = { kind: "none" } | { kind: "invalid_token" } | { kind: "ok"; principal: Principal };

// Resolves the caller from an API token or the next-auth session; the user row is re-read so
// role changes and disabling take effect at once.
export async function resolveCaller(authorization: string | null): Promise<Credentials> {
  if (authorization) {
    const token = tokenOf(authorization);
    const principal = token ? await authenticateToken(token) : null;
    return principal ? { kind: "ok", principal } : { kind: "invalid_token" };
  }
  const principal = await sessionPrincipal();
  return principal ? { kind: "ok", principal } : { kind: "none" };
}

export async function sessionPrincipal(): Promise<Principal | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id } });
  if (!user || user.disabled) return null;
  return { userId: user.id, email: user.email, name: user.name, role: user.role as Role, via: "session" };
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
