import { describe, expect, it } from "vitest";
import { WindowCounter } from "./sign-in-throttle";

describe("WindowCounter", () => {
  it("allows max attempts per window, then says how long to wait", () => {
    const c = new WindowCounter(3, 60_000);
    for (let i = 0; i < 3; i++) expect(c.take("a", 1000).ok).toBe(true);
    expect(c.take("a", 1000)).toEqual({ ok: false, retryAfterSeconds: 60 });
    expect(c.take("a", 31_000)).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(c.take("b", 1000).ok).toBe(true); // keys are independent
    expect(c.take("a", 61_001).ok).toBe(true); // a new window
  });

  it("a slot given back (a success) frees one; clear frees all", () => {
    const c = new WindowCounter(2, 60_000);
    c.take("a", 0);
    c.take("a", 0);
    expect(c.take("a", 0).ok).toBe(false);
    c.giveBack("a");
    expect(c.take("a", 0).ok).toBe(true);
    c.clear("a");
    expect(c.take("a", 0).ok).toBe(true);
  });
});
