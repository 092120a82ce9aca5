import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";
import { signInSucceeded } from "@/lib/auth/sign-in-throttle";
import { signInSchema } from "@/lib/schemas/user";
import type { Role } from "@/lib/schemas/common";

export type SignedInUser = { id: string; email: string; name: string; role: Role };

// Every attempt is audited; failures do not say whether the e-mail exists. The throttle slot taken before this
// (app/api/auth) is given back only on success.
export async function verifyCredentials(raw: unknown, ip: string | null): Promise<SignedInUser | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await db.user.findUnique({ where: { email } });
  if (!user) await burnPasswordCheck(password);
  const ok = user ? await verifyPassword(password, user.passwordHash) : false;
  if (!user || !ok || user.disabled) {
    const reason = !user ? "unknown_email" : !ok ? "wrong_password" : "disabled";
    await recordAudit(db, { actor: { id: user?.id ?? null, email }, action: "auth.sign_in_failed", details: { reason }, ip });
    return null;
  }
  // A legacy bcrypt hash is replaced now that the password is known (verify, then rehash).
  const passwordHash = needsRehash(user.passwordHash) ? await hashPassword(password) : undefined;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date(), passwordHash } });
    await recordAudit(tx, { actor: { id: user.id, email: user.email }, action: "auth.sign_in", targetType: "user", targetId: user.id, ip });
  });
  await signInSucceeded(email, ip);
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
}
