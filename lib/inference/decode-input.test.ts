import { readFileSync } from "node:fs";
import { PNG } from "pngjs";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { decodeJpegBaseline8 } from "@/lib/dicom/codecs/decode-wasm";
import { decodeRaster, decodeRasterFast } from "@/lib/dicom/decode-raster";
import { scaleToGrey8 } from "@/lib/dicom/scale-to-grey8";
import { dicomToModelImage } from "@/lib/predictions/load-instance-image";
import { hasNihImages, nihImageFiles } from "@/test/fixtures/multi-frame-chest";
import { makeChestPng, makeStudyDicom, syntheticChestPixels } from "@/test/fixtures/synthetic-study";
import { decodeInput, greyOf } from "./decode-input";

// The worker's decoder (libvips) must give the model exactly the image the former HTTP-thread path (libjpeg-turbo
// WASM, pngjs, the DICOM display pipeline) gave it, since that path is the one checked against OpenCV.
const W = 96;
const luma = (r: number, g: number, b: number) => Math.round(0.299 * r + 0.587 * g + 0.114 * b);

async function colourJpeg(): Promise<Uint8Array> {
  const rgb = Buffer.alloc(W * W * 3);
  for (let i = 0; i < W * W; i++) rgb.set([(i * 7) & 255, (i >> 4) & 255, (i * 13) & 255], i * 3);
  return new Uint8Array(
    await sharp(rgb, { raw: { width: W, height: W, channels: 3 } })
      .jpeg({ quality: 90 })
      .toBuffer(),
  );
}
const greyChest = () => Buffer.from(Uint8Array.from(syntheticChestPixels(W), (v) => v >> 4));

describe("decodeInput: encoded files decoded in the worker, as the HTTP thread used to", () => {
  it("gives a colour JPEG's luma exactly as the libjpeg-turbo WASM codec's RGB makes it", async () => {
    const jpg = await colourJpeg();
    const rgb = await decodeJpegBaseline8(jpg);
    const expected = Uint8Array.from({ length: W * W }, (_, i) =>
      luma(rgb.samples[3 * i]!, rgb.samples[3 * i + 1]!, rgb.samples[3 * i + 2]!),
    );
    const got = await decodeInput({ kind: "raster", bytes: jpg });
    expect(got).toMatchObject({ width: W, height: W });
    expect(Buffer.from(got.data).equals(Buffer.from(expected))).toBe(true);
  });

  it("decodes a one-component JPEG and a three-component grey one straight to the same grey as before", async () => {
    const grey1 = new Uint8Array(
      await sharp(greyChest(), { raw: { width: W, height: W, channels: 1 } })
        .jpeg({ quality: 85 })
        .toBuffer(),
    );
    const grey3 = new Uint8Array(
      await sharp(greyChest(), { raw: { width: W, height: W, channels: 1 } })
        .toColourspace("srgb")
        .jpeg({ quality: 85 })
        .toBuffer(),
    );
    for (const jpg of [grey1, grey3]) {
      const before = await decodeRasterFast(jpg);
      expect(before.samplesPerPixel).toBe(1);
      const got = await decodeInput({ kind: "raster", bytes: jpg });
      expect(Buffer.from(got.data).equals(Buffer.from(before.pixels as Uint8Array))).toBe(true);
    }
  });

  it.skipIf(!hasNihImages)("matches the former path on real NIH chest JPEGs", async () => {
    for (const file of nihImageFiles().slice(0, 3)) {
      const bytes = new Uint8Array(readFileSync(file));
      const before = await decodeRasterFast(bytes);
      const got = await decodeInput({ kind: "raster", bytes });
      expect(got).toMatchObject({ width: before.columns, height: before.rows });
      expect(Buffer.from(got.data).equals(Buffer.from(before.pixels as Uint8Array))).toBe(true);
    }
  });

  it("decodes 8-bit grey and RGBA PNGs like pngjs, and scales a 16-bit PNG by its maximum like before", async () => {
    const png8 = makeChestPng(W);
    expect(
      Buffer.from((await decodeInput({ kind: "raster", bytes: png8 })).data).equals(Buffer.from(decodeRaster(png8).pixels as Uint8Array)),
    ).toBe(true);
    const rgba = new PNG({ width: 4, height: 1 });
    rgba.data.set([10, 10, 10, 255, 200, 100, 50, 255, 0, 0, 0, 0, 255, 255, 255, 128]);
    const got = await decodeInput({ kind: "raster", bytes: new Uint8Array(PNG.sync.write(rgba)) });
    expect([...got.data]).toEqual([10, luma(200, 100, 50), 0, 255]);
    const png16 = new PNG({ width: W, height: W, colorType: 0, inputColorType: 0, bitDepth: 16, inputHasAlpha: false });
    const px = syntheticChestPixels(W);
    (png16 as unknown as { data: Uint16Array }).data = px;
    const bytes16 = new Uint8Array(PNG.sync.write(png16, { colorType: 0, inputColorType: 0, bitDepth: 16, inputHasAlpha: false }));
    const before = decodeRaster(bytes16);
    expect(before.bitsStored).toBe(16);
    const out16 = await decodeInput({ kind: "raster", bytes: bytes16 });
    expect(Buffer.from(out16.data).equals(Buffer.from(scaleToGrey8(before.pixels, before.maxValue)))).toBe(true);
  });

  it("renders a DICOM frame through the display pipeline, as the viewer and export do", async () => {
    const { bytes } = makeStudyDicom({ size: 64 });
    const { image } = await dicomToModelImage(bytes);
    const got = await decodeInput({ kind: "dicom", bytes, frame: 1 });
    expect(got).toMatchObject({ width: 64, height: 64 });
    expect(Buffer.from(got.data).equals(Buffer.from(image.data))).toBe(true);
    await expect(decodeInput({ kind: "dicom", bytes, frame: 2 })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("refuses a damaged file with unprocessable", async () => {
    const jpg = await colourJpeg();
    await expect(decodeInput({ kind: "raster", bytes: jpg.subarray(0, 200) })).rejects.toMatchObject({ code: "unprocessable" });
  });

  it("greyOf: channel 0 of grey+alpha, equal channels as themselves, colour as rounded BT.601 luma", () => {
    expect([...greyOf(Uint8Array.from([9, 255, 7, 0]), 2, 2)]).toEqual([9, 7]);
    expect([...greyOf(Uint8Array.from([5, 5, 5, 255, 0, 128]), 2, 3)]).toEqual([5, luma(255, 0, 128)]);
  });
});
