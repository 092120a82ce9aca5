import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { letterboxGeometry, letterboxGrey, preprocess, preprocessBatch, type GreyImage } from "./preprocess";

interface GoldenCase {
  seed: number;
  srcWidth: number;
  srcHeight: number;
  inputWidth: number;
  inputHeight: number;
  scale: number;
  padX: number;
  padY: number;
  newWidth: number;
  newHeight: number;
  fnv1a: number;
}
const golden = JSON.parse(readFileSync(path.join(__dirname, "testing", "letterbox-golden.json"), "utf8")) as {
  cases: GoldenCase[];
};

// Same generator as testing/make-letterbox-golden.py.
function lcgImage(seed: number, width: number, height: number): GreyImage {
  const data = new Uint8Array(width * height);
  let x = seed;
  for (let i = 0; i < data.length; i++) {
    x = (Math.imul(1103515245, x) + 12345) & 0x7fffffff;
    data[i] = (x >> 16) & 255;
  }
  return { width, height, data };
}

function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

describe("letterbox matches Ultralytics LetterBox + cv2.INTER_LINEAR bit for bit", () => {
  it.each(golden.cases)("$srcWidth x $srcHeight -> $inputWidth x $inputHeight", (c) => {
    const { pixels, letterbox } = letterboxGrey(lcgImage(c.seed, c.srcWidth, c.srcHeight), {
      width: c.inputWidth,
      height: c.inputHeight,
    });
    expect(letterbox).toMatchObject({ scale: c.scale, padX: c.padX, padY: c.padY });
    expect(letterboxGeometry(c.srcWidth, c.srcHeight, c.inputWidth, c.inputHeight)).toMatchObject({
      newWidth: c.newWidth,
      newHeight: c.newHeight,
    });
    expect(fnv1a(pixels)).toBe(c.fnv1a);
  });
});

describe("letterbox geometry by hand", () => {
  it("pads a wide image top and bottom, odd remainder going to the bottom", () => {
    // 48x32 into 32x32: r = 2/3, 32x21.33 -> 32x21, dh = 11 -> top 5, bottom 6
    expect(letterboxGeometry(48, 32, 32, 32)).toEqual({ scale: 2 / 3, newWidth: 32, newHeight: 21, padX: 0, padY: 5 });
  });
  it("rounds half to even like Python's round()", () => {
    // 3 * 0.5 = 1.5 -> 2 and 5 * 0.5 = 2.5 -> 2 (ties go to the even neighbour)
    expect(letterboxGeometry(3, 4, 2, 2)).toMatchObject({ scale: 0.5, newWidth: 2, newHeight: 2, padX: 0 });
    expect(letterboxGeometry(5, 4, 10, 2)).toMatchObject({ scale: 0.5, newWidth: 2, newHeight: 2, padX: 4 });
    // 25x5 into 10x10: r = 0.4 -> 10x2, dh = 8 -> top 4
    expect(letterboxGeometry(25, 5, 10, 10)).toEqual({ scale: 0.4, newWidth: 10, newHeight: 2, padX: 0, padY: 4 });
  });
});

describe("preprocess", () => {
  it("writes 3 identical CHW channels of value / 255 with pad 114", () => {
    const img: GreyImage = { width: 2, height: 1, data: Uint8Array.from([0, 255]) };
    const { data, letterbox } = preprocess(img, { width: 2, height: 2, channels: 3 });
    expect(letterbox).toEqual({ scale: 1, padX: 0, padY: 0, srcWidth: 2, srcHeight: 1, inputWidth: 2, inputHeight: 2 });
    // r = 1 -> 2x1, dh = 1 -> top 0, bottom 1
    const plane = [0, 1, 114 / 255, 114 / 255].map(Math.fround);
    expect(Array.from(data)).toEqual([...plane, ...plane, ...plane]);
  });

  it("writes one channel for a single-channel model", () => {
    const img: GreyImage = { width: 1, height: 1, data: Uint8Array.from([51]) };
    expect(Array.from(preprocess(img, { width: 1, height: 1, channels: 1 }).data)).toEqual([Math.fround(0.2)]);
  });

  it("stacks a batch into NCHW and zero-fills padding slots", () => {
    const a: GreyImage = { width: 1, height: 1, data: Uint8Array.from([255]) };
    const b: GreyImage = { width: 2, height: 2, data: Uint8Array.from([0, 0, 0, 0]) };
    const { data, letterboxes } = preprocessBatch([a, b], { width: 1, height: 1, channels: 3 }, 3);
    expect(Array.from(data)).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0]);
    expect(letterboxes.map((l) => l.scale)).toEqual([1, 0.5]);
  });

  it("rejects malformed images and batches", () => {
    const spec = { width: 4, height: 4, channels: 3 as const };
    expect(() => preprocess({ width: 2, height: 2, data: new Uint8Array(3) }, spec)).toThrow(AppError);
    expect(() => preprocess({ width: 0, height: 2, data: new Uint8Array(0) }, spec)).toThrow(AppError);
    expect(() => preprocessBatch([], spec)).toThrow(AppError);
    const one: GreyImage = { width: 1, height: 1, data: new Uint8Array(1) };
    expect(() => preprocessBatch([one, one], spec, 1)).toThrow(AppError);
  });
});
