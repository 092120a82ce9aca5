import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { encode as encodeJpeg } from "jpeg-js";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { makeChestPng } from "@/test/fixtures/synthetic-study";
import { decodeRaster } from "../decode-raster";
import { uniqueRaster } from "./unique-raster";

const hash = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

function syntheticJpeg(): Uint8Array {
  const width = 32,
    height = 24;
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([(i * 7) % 256, (i * 7) % 256, (i * 7) % 256, 255], i * 4);
  return new Uint8Array(encodeJpeg({ width, height, data }, 90).data);
}

// CRC-32 (ISO 3309, as PNG uses), bit by bit: independent of node:zlib, which the helper uses.
function bitwiseCrc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe("uniqueRaster", () => {
  it("PNG: new bytes each call, a valid tEXt chunk before IEND, identical pixels", () => {
    const original = makeChestPng(64);
    const a = uniqueRaster(original);
    const b = uniqueRaster(original);
    expect(new Set([hash(original), hash(a), hash(b)]).size).toBe(3);
    expect(Array.from(decodeRaster(a).pixels)).toEqual(Array.from(decodeRaster(original).pixels));
    expect(PNG.sync.read(Buffer.from(a)).width).toBe(64);
    expect(Buffer.from(a).includes("tEXtComment\0cxr-test-nonce")).toBe(true);
    expect(Buffer.from(a.subarray(a.length - 8, a.length - 4)).toString("latin1")).toBe("IEND");
  });

  it("PNG: every chunk's CRC matches an independent CRC-32 (decoders may skip unknown chunks unchecked)", () => {
    const a = uniqueRaster(makeChestPng(16), "x");
    const view = new DataView(a.buffer, a.byteOffset, a.byteLength);
    const types: string[] = [];
    for (let at = 8; at < a.length; at += 12 + view.getUint32(at)) {
      const length = view.getUint32(at);
      types.push(Buffer.from(a.subarray(at + 4, at + 8)).toString("latin1"));
      expect(view.getUint32(at + 8 + length)).toBe(bitwiseCrc32(a.subarray(at + 4, at + 8 + length)));
    }
    expect(types.slice(-2)).toEqual(["tEXt", "IEND"]);
  });

  it("JPEG: COM segment right after SOI, identical pixels", () => {
    const original = syntheticJpeg();
    const a = uniqueRaster(original);
    expect(hash(a)).not.toBe(hash(uniqueRaster(original)));
    expect([a[0], a[1], a[2], a[3]]).toEqual([0xff, 0xd8, 0xff, 0xfe]);
    expect(Array.from(decodeRaster(a).pixels)).toEqual(Array.from(decodeRaster(original).pixels));
  });

  const nih = path.resolve("../shared/data/cxr-mass-nodule/images");
  const jpg = fs.existsSync(nih) ? fs.readdirSync(nih).find((f) => f.endsWith(".jpg")) : undefined;
  it.runIf(jpg)("a shared NIH JPEG decodes to the same pixels (skipped: ../shared/data absent)", () => {
    const original = new Uint8Array(fs.readFileSync(path.join(nih, jpg!)));
    expect(Array.from(decodeRaster(uniqueRaster(original)).pixels)).toEqual(Array.from(decodeRaster(original).pixels));
  });

  it("rejects bytes that are neither PNG nor JPEG", () => {
    expect(() => uniqueRaster(new Uint8Array([1, 2, 3, 4]))).toThrow(/not a PNG or JPEG/);
  });
});
