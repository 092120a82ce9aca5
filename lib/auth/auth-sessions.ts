import crypto from "node:crypto";
import { db, type Db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/schemas/common";

export const SESSION_MAX_AGE_S = 12 * 60 * 60;
export type RevokeReason = "sign_out" | "password_changed" | "disabled" | "role_changed";
type SessionClient = Pick<Db, "authSession">;

// A server-side record per browser session; the JWT only names it, so revoking the row ends the session at once.
export async function createAuthSession(userId: string, now = new Date()): Promise<string> {
  const id = crypto.randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    // Housekeeping on the user's own rows: ended sessions are of no use once past their lifetime.
    await tx.authSession.deleteMany({ where: { userId, expiresAt: { lt: now } } });
    await tx.authSession.create({ data: { id, userId, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000) } });
  });
  return id;
}

export async function revokeAuthSession(id: string, why: RevokeReason): Promise<void> {
  await db.authSession.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date(), revokedWhy: why } });
}

/** Ends every open session of a user (inside the caller's transaction when one is given). */
export async function revokeUserSessions(client: SessionClient, userId: string, why: RevokeReason): Promise<number> {
  const r = await client.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date(), revokedWhy: why } });
  return r.count;
}

// One indexed read per request (the session row with its user): revoked, expired, disabled → no principal.
export async function principalOfSession(id: string, now = new Date()): Promise<Principal | null> {
  const s = await db.authSession.findUnique({ where: { id }, include: { user: true } });
  if (!s || s.revokedAt || s.expiresAt <= now || s.user.disabled) return null;
  const u = s.user;
  return { userId: u.id, email: u.email, name: u.name, role: u.role as Role, via: "session", sessionId: s.id };
}
