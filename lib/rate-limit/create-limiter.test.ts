import { afterEach, describe, expect, it, vi } from "vitest";
import { createLimiter } from "./create-limiter";

// The in-memory limiter (no REDIS_URL): the same contract the Redis one keeps (create-limiter.integration.test.ts).
describe("createLimiter in memory", () => {
  afterEach(() => vi.useRealTimers());

  it("allows the points per window, then says how long to wait; keys are independent; a new window frees them", async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const l = createLimiter({ name: "unit-window", points: 3, durationS: 60 }, undefined);
    expect(l.shared).toBe(false);
    for (let i = 0; i < 3; i++) expect((await l.take("a")).ok).toBe(true);
    expect(await l.take("a")).toEqual({ ok: false, retryAfterSeconds: 60 });
    vi.advanceTimersByTime(30_000);
    expect(await l.take("a")).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect((await l.take("b")).ok).toBe(true);
    vi.advanceTimersByTime(30_001);
    expect(await l.take("a")).toEqual({ ok: true, remaining: 2 });
  });

  it("a point given back (a success) frees one; clear frees all", async () => {
    const l = createLimiter({ name: "unit-give-back", points: 2, durationS: 60 }, undefined);
    await l.take("a");
    await l.take("a");
    await l.giveBack("a");
    expect((await l.take("a")).ok).toBe(true);
    expect((await l.take("a")).ok).toBe(false); // a refused take counts too (a flood does not earn slots back)
    await l.clear("a");
    expect(await l.take("a")).toEqual({ ok: true, remaining: 1 });
  });
});
