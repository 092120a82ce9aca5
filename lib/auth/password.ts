import { hash as argon2Hash, verify as argon2Verify } from "@node-rs/argon2";
import { verify as bcryptVerify } from "@node-rs/bcrypt";
import os from "node:os";

// Native hashing on libuv's thread pool, so a burst of sign-ins never blocks the event loop (bcryptjs did).
// Argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane): ≈ 50 ms here. Hashes made by bcryptjs before
// ("$2a$/$2b$…") are still verified, by native bcrypt, and replaced on the next successful sign-in.
const ARGON2 = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum: not importable with isolatedModules) */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

// At most (cores − 1) hashes at once: a burst of sign-ins queues here instead of taking every core from the thread that
// serves all other requests (measured: 30 parallel wrong passwords on 2 cores, see test/faults/web-surface).
const MAX_PARALLEL = Math.max(1, os.availableParallelism() - 1);
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  // A finishing hash hands its slot straight to the next waiter, so the count never overshoots.
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export function hashPassword(plain: string): Promise<string> {
  return limited(() => argon2Hash(plain, ARGON2));
}

export async function verifyPassword(plain: string, hash: string): Promise<boolean> {
  try {
    return await limited(() => (isLegacyBcrypt(hash) ? bcryptVerify(plain, hash) : argon2Verify(hash, plain)));
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

/** True when a verified password's hash should be replaced (legacy bcrypt or weaker Argon2 parameters). */
export function needsRehash(hash: string): boolean {
  return isLegacyBcrypt(hash) || !hash.startsWith(`$argon2id$v=19$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}$`);
}

function isLegacyBcrypt(hash: string): boolean {
  return /^\$2[abxy]\$/.test(hash);
}

// Equalises timing for unknown e-mails so sign-in does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(plain: string): Promise<void> {
  dummyHash ??= hashPassword("timing-equaliser-not-a-password");
  await verifyPassword(plain, await dummyHash);
}

export function generatePassword(length = 20): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}
