import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { generatePassword } from "@/lib/auth/password";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import { createUser } from "@/lib/users/manage-users";

export type BootstrapResult = { created: false } | { created: true; email: string; password: string | null };

// First run: if no admin exists, create one from ADMIN_EMAIL/ADMIN_PASSWORD or with a one-time generated password.
export async function ensureAdmin(): Promise<BootstrapResult> {
  const admins = await db.user.count({ where: { role: "admin" } });
  if (admins > 0) return { created: false };
  const email = env.ADMIN_EMAIL ?? "admin@cxr.local";
  const fromEnv = env.ADMIN_PASSWORD;
  const password = fromEnv ?? generatePassword();
  await createUser(SYSTEM_ACTOR, { email, name: "Administrator", role: "admin", password });
  return { created: true, email, password: fromEnv ? null : password };
}
