import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/auth-options";
import { authenticateToken } from "@/lib/auth/authenticate-token";
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/schemas/common";

export type Credentials = { kind: "none" } | { kind: "invalid_token" } | { kind: "ok"; principal: Principal };

// Resolves the caller from a Bearer token or the next-auth session; the user row is re-read so
// role changes and disabling take effect at once.
export async function resolveCaller(authorization: string | null): Promise<Credentials> {
  if (authorization) {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization);
    const principal = m?.[1] ? await authenticateToken(m[1]) : null;
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
