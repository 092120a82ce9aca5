import { describe, expect, it } from "vitest";
import { periodKey } from "@/lib/server/periodic-jobs";

describe("periodKey", () => {
  it("names the UTC period a time falls in, without ':' (BullMQ job ids refuse it)", () => {
    const day = 86_400_000;
    expect(periodKey("drift.compute", day, new Date("2026-12-06T23:59:59Z"))).toBe("drift.compute@20261206T000000");
    expect(periodKey("drift.compute", day, new Date("2026-12-07T00:00:00Z"))).toBe("drift.compute@20261207T000000");
    expect(periodKey("canary.check", day / 24, new Date("2026-12-06T13:42:00Z"))).toBe("canary.check@20261206T130000");
    expect(periodKey("t", 1000, new Date("2026-12-06T13:42:07.900Z"))).toBe("t@20261206T134207");
  });
});
