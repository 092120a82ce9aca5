import { decode as decodeJpegJs, encode as encodeJpegJs } from "jpeg-js";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { decodeJpegExtended } from "./decode-jpeg-extended";

// jpeg-js writes baseline 8-bit YCbCr 4:4:4 (SOF0): without colour transform both decoders must return the same
// Y/Cb/Cr samples up to IDCT rounding. (12-bit streams are checked against the real .51 file in real-transcodes.)
function sampleJpeg(width = 37, height = 21): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const x = i % width,
      y = Math.floor(i / width);
    data.set([(x * 7) & 255, (y * 11) & 255, (x * y) & 255, 255], i * 4);
  }
  return new Uint8Array(encodeJpegJs({ width, height, data }, 90).data);
}

describe("decodeJpegExtended (sequential DCT, Huffman)", () => {
  it("matches jpeg-js on an 8-bit 3-component stream with partial edge blocks (±1)", () => {
    const jpeg = sampleJpeg();
    const mine = decodeJpegExtended(jpeg);
    const reference = decodeJpegJs(jpeg, { useTArray: true, formatAsRGBA: false, colorTransform: false });
    expect([mine.width, mine.height, mine.componentCount, mine.bitsPerSample]).toEqual([37, 21, 3, 8]);
    let max = 0;
    for (let i = 0; i < mine.samples.length; i++) max = Math.max(max, Math.abs(mine.samples[i]! - reference.data[i]!));
    expect(max).toBeLessThanOrEqual(1);
  });

  it("refuses progressive JPEG as unsupported", () => {
    const jpeg = sampleJpeg();
    const sof = jpeg.findIndex((b, i) => b === 0xff && jpeg[i + 1] === 0xc0);
    jpeg[sof + 1] = 0xc2;
    expect(() => decodeJpegExtended(jpeg)).toThrow(expect.objectContaining({ code: "unsupported" }));
  });

  it("reports missing markers and truncated headers as unprocessable", () => {
    expect(() => decodeJpegExtended(Uint8Array.of(1, 2, 3, 4))).toThrow(AppError);
    const jpeg = sampleJpeg();
    expect(() => decodeJpegExtended(jpeg.subarray(0, 100))).toThrow(expect.objectContaining({ code: "unprocessable" }));
  });
});
