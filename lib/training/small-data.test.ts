import { describe, expect, it } from "vitest";
import { smallDataSettings } from "@/lib/training/small-data";

// The same hand-worked cases as training/tests/test_small_data.py: both sides must apply one rule.
describe("smallDataSettings", () => {
  it("makes a 12-image export step every batch, without warm-up or mosaic", () => {
    expect(smallDataSettings(9, 4, 3)).toEqual({ nbs: 4, warmupEpochs: 0, mosaic: 0 });
    expect(smallDataSettings(9, 16, 50).nbs).toBe(16);
  });

  it("keeps Ultralytics' defaults on a large set", () => {
    expect(smallDataSettings(5000, 16, 100)).toEqual({ nbs: 64, warmupEpochs: 3, mosaic: 1 });
  });

  it("switches at the boundaries", () => {
    expect(smallDataSettings(64, 16, 50).nbs).toBe(64);
    expect(smallDataSettings(63, 16, 50).nbs).toBe(64);
    expect(smallDataSettings(48, 16, 50).nbs).toBe(16);
    expect(smallDataSettings(100, 16, 50).warmupEpochs).toBe(3);
    expect(smallDataSettings(100, 16, 20).warmupEpochs).toBe(0);
    expect(smallDataSettings(99, 16, 50).mosaic).toBe(0);
    expect(smallDataSettings(100, 16, 50).mosaic).toBe(1);
  });
});
