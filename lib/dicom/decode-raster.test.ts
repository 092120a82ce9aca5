import fs from "node:fs";
import path from "node:path";
import { encode as encodeJpeg } from "jpeg-js";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { decodeJpegBaseline8 } from "./codecs/decode-wasm";
import { decodeRaster, decodeRasterFast, greyFromColour8 } from "./decode-raster";

function png(
  width: number,
  height: number,
  pixel: (i: number) => [number, number, number],
  options: { colorType: 0 | 2 } = { colorType: 2 },
): Uint8Array {
  const image = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) image.data.set([...pixel(i), 255], i * 4);
  return new Uint8Array(PNG.sync.write(image, { colorType: options.colorType, inputColorType: 6 }));
}

describe("decodeRaster", () => {
  it("grey PNG → 1 sample, exact values", () => {
    const r = decodeRaster(png(4, 2, (i) => [i * 30, i * 30, i * 30], { colorType: 0 }));
    expect(r).toMatchObject({ format: "png", rows: 2, columns: 4, samplesPerPixel: 1, bitsStored: 8, minValue: 0, maxValue: 210 });
    expect(Array.from(r.pixels)).toEqual([0, 30, 60, 90, 120, 150, 180, 210]);
  });

  it("RGB PNG with equal channels → grey; coloured PNG stays RGB", () => {
    expect(decodeRaster(png(3, 1, (i) => [i, i, i])).samplesPerPixel).toBe(1);
    const colour = decodeRaster(png(2, 1, (i) => [i * 100, 50, 9]));
    expect(colour.samplesPerPixel).toBe(3);
    expect(Array.from(colour.pixels)).toEqual([0, 50, 9, 100, 50, 9]);
  });

  it("16-bit grey PNG keeps 16 bits", () => {
    const image = new PNG({ width: 2, height: 1, bitDepth: 16, colorType: 0, inputColorType: 0 });
    const data = Buffer.alloc(4);
    // pngjs's packer takes 16-bit input in little-endian order (it writes big endian into the file).
    data.writeUInt16LE(1000, 0);
    data.writeUInt16LE(65535, 2);
    const bytes = PNG.sync.write({ ...image, data } as PNG, { bitDepth: 16, colorType: 0, inputColorType: 0 });
    const r = decodeRaster(new Uint8Array(bytes));
    expect(r.pixels).toBeInstanceOf(Uint16Array);
    expect(Array.from(r.pixels)).toEqual([1000, 65535]);
    expect(r.bitsStored).toBe(16);
  });

  it("grey-content JPEG (3 channels) → 1 sample within JPEG error", () => {
    const width = 16,
      height = 16;
    const data = new Uint8Array(width * height * 4);
    for (let i = 0; i < width * height; i++) data.set([i % 256, i % 256, i % 256, 255], i * 4);
    const jpeg = encodeJpeg({ width, height, data }, 95).data;
    const r = decodeRaster(new Uint8Array(jpeg));
    expect(r).toMatchObject({ format: "jpeg", rows: 16, columns: 16, samplesPerPixel: 1 });
    r.pixels.forEach((v, i) => expect(Math.abs(v - (i % 256))).toBeLessThanOrEqual(6));
  });

  it("greyFromColour8: luma where channels differ within the tolerance, the value itself where equal, null beyond", () => {
    const rgb = Uint8Array.of(10, 10, 10, 200, 201, 199, 100, 102, 101, 7, 7, 7);
    expect(Array.from(greyFromColour8(rgb, 4, 3, 2)!)).toEqual([
      10,
      Math.round(0.299 * 200 + 0.587 * 201 + 0.114 * 199),
      Math.round(0.299 * 100 + 0.587 * 102 + 0.114 * 101),
      7,
    ]);
    expect(greyFromColour8(Uint8Array.of(10, 10, 10, 0, 50, 9), 2, 3, 2)).toBeNull();
    expect(Array.from(greyFromColour8(Uint8Array.of(5, 5, 5, 255, 9, 9, 9, 255), 2, 4, 2)!)).toEqual([5, 9]); // RGBA
  });

  it("rejects unknown and corrupt bytes with AppError codes", () => {
    expect(() => decodeRaster(Uint8Array.of(1, 2, 3, 4))).toThrow(expect.objectContaining({ code: "unsupported_media_type" }));
    const broken = png(4, 4, () => [1, 2, 3]).slice(0, 40);
    expect(() => decodeRaster(broken)).toThrow(expect.objectContaining({ code: "unprocessable" }));
  });

  const imagesDir = path.resolve(__dirname, "../../../shared/data/cxr-mass-nodule/images");
  it.skipIf(!fs.existsSync(imagesDir))(
    "real NIH JPEGs (3 channels) → exactly round(0.299 R + 0.587 G + 0.114 B) of the codec's RGB",
    async () => {
      for (const f of fs
        .readdirSync(imagesDir)
        .filter((x) => x.endsWith(".jpg"))
        .slice(0, 4)) {
        const bytes = new Uint8Array(fs.readFileSync(path.join(imagesDir, f)));
        const rgb = (await decodeJpegBaseline8(bytes)).samples;
        const r = await decodeRasterFast(bytes);
        expect(r.samplesPerPixel).toBe(1);
        for (let i = 0; i < r.pixels.length; i++) {
          const want = Math.round(0.299 * rgb[3 * i]! + 0.587 * rgb[3 * i + 1]! + 0.114 * rgb[3 * i + 2]!);
          if (r.pixels[i] !== want) expect(`${f} pixel ${i}: ${r.pixels[i]}`).toBe(`${f} pixel ${i}: ${want}`);
        }
      }
    },
  );

  it.skipIf(!fs.existsSync(imagesDir))("real NIH chest JPEGs decode to 1024×1024 grey", () => {
    const files = fs
      .readdirSync(imagesDir)
      .filter((f) => f.endsWith(".jpg"))
      .slice(0, 3);
    for (const f of files) {
      const r = decodeRaster(new Uint8Array(fs.readFileSync(path.join(imagesDir, f))));
      expect(r).toMatchObject({ rows: 1024, columns: 1024, samplesPerPixel: 1 });
    }
  });
});

describe("decodeRasterFast", () => {
  it("decodes a JPEG like the pure-JS decoder, within JPEG rounding", async () => {
    const w = 64;
    const h = 40;
    const rgba = new Uint8Array(w * h * 4);
    for (let i = 0; i < w * h; i++) rgba.set([(i * 7) % 256, (i * 7) % 256, (i * 7) % 256, 255], i * 4);
    const jpg = new Uint8Array(encodeJpeg({ data: rgba, width: w, height: h }, 95).data);
    const slow = decodeRaster(jpg);
    const fast = await decodeRasterFast(jpg);
    expect([fast.rows, fast.columns, fast.samplesPerPixel]).toEqual([slow.rows, slow.columns, slow.samplesPerPixel]);
    let maxDiff = 0;
    for (let i = 0; i < slow.pixels.length; i++) maxDiff = Math.max(maxDiff, Math.abs(slow.pixels[i]! - fast.pixels[i]!));
    expect(maxDiff).toBeLessThanOrEqual(3);
  });
});
