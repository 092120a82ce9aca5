import { db } from "@/lib/db";
import { hashTokenSecret, looksLikeToken } from "@/lib/tokens/token-secret";
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/schemas/common";

const LAST_USED_GRANULARITY_MS = 60_000;

// Returns null for unknown, revoked, expired tokens or disabled owners; the caller answers 401.
export async function authenticateToken(secret: string): Promise<Principal | null> {
  if (!looksLikeToken(secret)) return null;
  const t = await db.apiToken.findUnique({ where: { tokenHash: hashTokenSecret(secret) }, include: { user: true } });
  if (!t || t.revokedAt || t.user.disabled) return null;
  const now = Date.now();
  if (t.expiresAt && t.expiresAt.getTime() <= now) return null;
  // Coarse last-used stamp: one write a minute per token at most, not one per request.
  if (!t.lastUsedAt || now - t.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await db.apiToken.update({ where: { id: t.id }, data: { lastUsedAt: new Date(now) } });
  }
  return {
    userId: t.user.id,
    email: t.user.email,
    name: t.user.name,
    role: t.user.role as Role,
    via: "token",
    tokenId: t.id,
    scopes: t.scopes.split(" ").filter(Boolean),
  };
}
