import { describe, expect, it } from "vitest";
import { burnBoxes } from "@/lib/keyimage/burn-boxes";

describe("burnBoxes", () => {
  const img = { width: 40, height: 30, data: new Uint8Array(40 * 30).fill(100) };
  const at = (d: Uint8Array, x: number, y: number) => d[y * 40 + x];

  it("draws the rectangle's outline in white with a black edge, leaves the inside and outside alone, never writes out of bounds", () => {
    const out = burnBoxes(img, [[10, 5, 30, 25]]);
    expect(at(out, 10, 15)).toBe(255); // left edge
    expect(at(out, 20, 5)).toBe(255); // top edge
    expect(at(out, 29, 15)).toBe(255); // right edge (pixel 29 is the box's last column)
    expect(at(out, 9, 15)).toBe(0); // black edge outside
    expect(at(out, 11, 15)).toBe(0); // black edge inside
    expect(at(out, 20, 15)).toBe(100); // the finding itself is not covered
    expect(at(out, 2, 2)).toBe(100);
    expect(img.data.every((v) => v === 100)).toBe(true); // the source raster is not changed
    expect(() => burnBoxes(img, [[-5, -5, 100, 100]])).not.toThrow();
  });
});
