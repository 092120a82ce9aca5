import { describe, expect, it } from "vitest";
import { enforceRateLimit } from "@/lib/api/rate-limit";
import type { Principal } from "@/lib/auth/principal";

const p = (tokenId: string): Principal => ({ userId: "u", email: "e", name: "n", role: "radiologist", via: "token", tokenId });

describe("rate limit", () => {
  it("allows a burst up to the limit, then 429 with Retry-After, then refills over time", () => {
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i++) enforceRateLimit(p("a"), 5, t0);
    expect(() => enforceRateLimit(p("a"), 5, t0)).toThrow(expect.objectContaining({ code: "rate_limited", details: { retryAfterSeconds: 12 } }));
    expect(() => enforceRateLimit(p("b"), 5, t0)).not.toThrow(); // buckets are per token
    expect(() => enforceRateLimit(p("a"), 5, t0 + 12_000)).not.toThrow();
  });
});
