import { createHash, randomBytes } from "node:crypto";

// Tokens look like `cxr_<43 base64url chars>`; only a sha256 is stored (a fast hash is right for 256-bit random secrets).
const PREFIX = "cxr_";

export function generateTokenSecret(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function looksLikeToken(s: string): boolean {
  return s.startsWith(PREFIX) && s.length >= PREFIX.length + 32 && s.length <= 128;
}

export function displayPrefix(secret: string): string {
  return secret.slice(0, PREFIX.length + 6);
}
