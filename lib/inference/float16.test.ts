import { describe, expect, it } from "vitest";
import { float16ToFloat32, float32ToFloat16, fromHalfBits, toHalfBits } from "./float16";

describe("float16", () => {
  it("converts known values", () => {
    expect(toHalfBits(1)).toBe(0x3c00);
    expect(toHalfBits(-2)).toBe(0xc000);
    expect(toHalfBits(0.5)).toBe(0x3800);
    expect(toHalfBits(65504)).toBe(0x7bff);
    expect(toHalfBits(1e6)).toBe(0x7c00);
    expect(toHalfBits(2 ** -24)).toBe(0x0001);
    expect(toHalfBits(2 ** -26)).toBe(0);
    expect(fromHalfBits(0x3555)).toBeCloseTo(1 / 3, 3);
    expect(Number.isNaN(fromHalfBits(toHalfBits(Number.NaN)))).toBe(true);
  });

  it("rounds ties to even", () => {
    expect(toHalfBits(1 + 2 ** -11)).toBe(0x3c00); // halfway between 1 and the next half: stays even
    expect(toHalfBits(1 + 3 * 2 ** -11)).toBe(0x3c02);
    expect(toHalfBits(2 ** -25 * 3)).toBe(0x0002); // subnormal tie 1.5 ulp -> 2
  });

  it("round-trips every finite half exactly", () => {
    const bits = Uint16Array.from({ length: 0x10000 }, (_, i) => i).filter((h) => ((h >> 10) & 0x1f) !== 0x1f);
    expect(Array.from(float32ToFloat16(float16ToFloat32(bits)))).toEqual(Array.from(bits));
  });
});
