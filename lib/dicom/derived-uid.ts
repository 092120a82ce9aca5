import { createHash } from "node:crypto";

// A stable UUID-derived UID (PS3.5 B.2) from a seed: the same seed always names the same object.
export function uidFromSeed(seed: string): string {
  return `2.25.${BigInt("0x" + createHash("sha256").update(seed).digest("hex").slice(0, 32)).toString(10)}`;
}
