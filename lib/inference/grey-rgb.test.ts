import { describe, expect, it } from "vitest";
import { greyOfGreyRgb } from "./grey-rgb";

const greyRgb = (values: number[]) => Uint8Array.from(values.flatMap((v) => [v, v, v]));

describe("greyOfGreyRgb", () => {
  it("gives channel 0 of an all-grey RGB image, whatever the pixel count modulo 4", () => {
    for (const n of [1, 3, 4, 5, 8, 11, 256]) {
      const values = Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);
      expect([...greyOfGreyRgb(greyRgb(values), n)!]).toEqual(values);
    }
  });

  it("returns null when any one byte of any pixel differs, wherever it is", () => {
    const base = greyRgb(Array.from({ length: 9 }, (_, i) => 100 + i)); // two whole words of pixels and a tail
    for (let at = 0; at < base.length; at++) {
      const coloured = base.slice();
      coloured[at] = coloured[at]! ^ 0x80;
      expect(greyOfGreyRgb(coloured, 9), `byte ${at}`).toBeNull();
    }
  });

  it("leaves a buffer that is not 4-byte aligned to the caller", () => {
    const backing = new Uint8Array(1 + 12);
    const view = backing.subarray(1);
    view.set(greyRgb([1, 2, 3, 4]));
    expect(greyOfGreyRgb(view, 4)).toBeNull();
  });
});
