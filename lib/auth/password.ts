import bcrypt from "bcryptjs";
import { env } from "@/lib/env";

// bcryptjs: maintained, pure JS (no native build); cost 12 ≈ 250 ms on one core (tests lower it).
const COST = env.PASSWORD_HASH_COST;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

// Equalises timing for unknown e-mails so sign-in does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(plain: string): Promise<void> {
  dummyHash ??= bcrypt.hash("timing-equaliser-not-a-password", COST);
  await bcrypt.compare(plain, await dummyHash);
}

export function generatePassword(length = 20): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}
