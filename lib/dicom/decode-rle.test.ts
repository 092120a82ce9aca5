import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { decodeRle, unpackBits } from "./decode-rle";
import type { DicomMetadata } from "./read-metadata";
import { encodeRleFrame, packBits } from "./testing/rle-encode";

const meta = (rows: number, columns: number, bitsAllocated: number, samplesPerPixel = 1) =>
  ({ rows, columns, bitsAllocated, samplesPerPixel, planarConfiguration: 0 }) as DicomMetadata;

describe("RLE (PS3.5 Annex G)", () => {
  it("unpacks literal runs, replicate runs and the -128 no-op (hand-coded)", () => {
    const out = new Uint8Array(7);
    unpackBits(Uint8Array.of(0x02, 1, 2, 3, 0xfe, 9, 0x80, 0x00, 7), out);
    expect(Array.from(out)).toEqual([1, 2, 3, 9, 9, 9, 7]);
  });

  it("throws unprocessable when a segment is too short", () => {
    expect(() => unpackBits(Uint8Array.of(0x01, 1, 2), new Uint8Array(5))).toThrow(AppError);
  });

  it("round-trips random bytes and long runs through packBits", () => {
    const src = Uint8Array.from({ length: 1000 }, (_, i) => (i > 300 && i < 700 ? 42 : (i * 7919) & 255));
    const out = new Uint8Array(src.length);
    unpackBits(packBits(src), out);
    expect(out).toEqual(src);
  });

  it("reassembles 16-bit samples from high/low byte segments", () => {
    const samples = [0, 1, 256, 0xffff, 0x1234, 0x1234, 0x1234, 7];
    expect(Array.from(decodeRle(encodeRleFrame(samples, 2), meta(2, 4, 16)))).toEqual(samples);
  });

  it("interleaves the three 8-bit planes of an RGB frame", () => {
    const rgb = [255, 0, 0, 0, 255, 0, 0, 0, 255, 9, 8, 7];
    expect(Array.from(decodeRle(encodeRleFrame(rgb, 1, 3), meta(2, 2, 8, 3)))).toEqual(rgb);
  });

  it("rejects a header whose segment count does not match the image", () => {
    expect(() => decodeRle(encodeRleFrame([1, 2, 3, 4], 1), meta(2, 2, 16))).toThrow(/segments/);
  });
});
