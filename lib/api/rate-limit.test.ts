import { describe, expect, it } from "vitest";
import { enforceRateLimit } from "@/lib/api/rate-limit";
import type { Principal } from "@/lib/auth/principal";

const p = (tokenId: string): Principal => ({ userId: "u", email: "e", name: "n", role: "radiologist", via: "token", tokenId });

describe("rate limit", () => {
  it("allows the limit per token and minute, then 429 with Retry-After", async () => {
    for (let i = 0; i < 5; i++) await enforceRateLimit(p("a"), 5);
    await expect(enforceRateLimit(p("a"), 5)).rejects.toMatchObject({
      code: "rate_limited",
      details: { retryAfterSeconds: expect.any(Number) },
    });
    await expect(enforceRateLimit(p("b"), 5)).resolves.toBeUndefined(); // counted per token
  });
});
