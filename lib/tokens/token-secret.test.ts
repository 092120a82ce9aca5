import { describe, expect, it } from "vitest";
import { displayPrefix, generateTokenSecret, hashTokenSecret, looksLikeToken } from "@/lib/tokens/token-secret";

describe("token secrets", () => {
  it("are random, recognisable and hashed deterministically", () => {
    const a = generateTokenSecret();
    const b = generateTokenSecret();
    expect(a).not.toBe(b);
    expect(looksLikeToken(a)).toBe(true);
    expect(hashTokenSecret(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashTokenSecret(a)).toBe(hashTokenSecret(a));
    expect(displayPrefix(a)).toBe(a.slice(0, 10));
  });
  it("rejects strings that cannot be tokens before any lookup", () => {
    expect(looksLikeToken("Bearer")).toBe(false);
    expect(looksLikeToken("cxr_short")).toBe(false);
    expect(looksLikeToken("cxr_" + "a".repeat(200))).toBe(false);
  });
});
