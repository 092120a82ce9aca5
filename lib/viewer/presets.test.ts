import { describe, expect, it } from "vitest";
import { chestPresets, windowFromRange } from "./presets";

describe("chestPresets", () => {
  it("uses the file's window first; the others are fractions of the robust range, not of the file's window", () => {
    const p = chestPresets({ fileWindow: { center: 15000, width: 30000 }, range: { low: 0, high: 4000 }, airIsHigh: false });
    expect(p.map((x) => x.id)).toEqual(["dicom", "lung", "mediastinum", "bone"]);
    expect(p[0]).toMatchObject({ center: 15000, width: 30000 });
    // range 0..4000 with air low: lung 400..3200, mediastinum 1600..4000, bone 2400..4200
    expect(p[1]).toMatchObject({ center: 1800, width: 2800 });
    expect(p[2]).toMatchObject({ center: 2800, width: 2400 });
    expect(p[3]!.center).toBeCloseTo(3300);
    expect(p[3]!.width).toBeCloseTo(1800);
  });

  it("falls back to the robust value range without a file window", () => {
    const p = chestPresets({ range: { low: 100, high: 1100 }, airIsHigh: false });
    expect(p[0]).toMatchObject({ center: 600, width: 1000 });
    expect(p[1]).toMatchObject({ center: 550, width: 700 });
  });

  it("mirrors the fractions for MONOCHROME1 (air stored as high values)", () => {
    const p = chestPresets({ range: { low: 0, high: 1000 }, airIsHigh: true });
    // lung: 10–80 % from the air (high) end = 200..900
    expect(p[1]).toMatchObject({ center: 550, width: 700 });
    expect(p[2]).toMatchObject({ center: 300, width: 600 });
    expect(p[3]!.center).toBeCloseTo(175);
  });

  it("never produces a width below 1", () => {
    expect(windowFromRange(5, 5).width).toBe(1);
    expect(windowFromRange(10, 0)).toEqual({ center: 5, width: 10 });
  });
});
