import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { dicomToModelImage } from "@/lib/predictions/load-instance-image";
import { prepareInstance } from "@/lib/studies/prepare-instance";

const MB = 1e6;

function greyPng(width: number, height: number, value: (i: number) => number, bitDepth: 8 | 16 = 8): Uint8Array {
  const image = new PNG({ width, height, bitDepth, colorType: 0, inputColorType: 0 });
  const data = Buffer.alloc(width * height * (bitDepth / 8));
  for (let i = 0; i < width * height; i++) {
    if (bitDepth === 16)
      data.writeUInt16LE(value(i), i * 2); // pngjs's packer takes 16-bit input little endian
    else data[i] = value(i);
  }
  return new Uint8Array(PNG.sync.write({ ...image, data } as PNG, { bitDepth, colorType: 0, inputColorType: 0 }));
}

describe("PNG/JPEG uploads wrapped as Secondary Capture", () => {
  it("an 8-bit PNG reaches the model with exactly its own pixels (no percentile stretch: no training/serving skew)", async () => {
    // Low contrast with a few outliers: a 0.5–99.5 % percentile window would stretch 90..160 over 0..255.
    const value = (i: number) => (i === 0 ? 0 : i === 1 ? 255 : 90 + ((i * 7) % 71));
    const prepared = await prepareInstance(greyPng(40, 30, value), { maxBytes: 10 * MB, maxPixels: 36e6 });
    expect(prepared.source).toBe("png");
    expect(prepared.meta).toMatchObject({ windowCenter: [128], windowWidth: [256], bitsStored: 8 });
    expect(prepared.meta.studyDate ?? "").toBe(""); // a raster has no acquisition date: none is invented
    const { image } = await dicomToModelImage(prepared.bytes);
    expect(image).toMatchObject({ width: 40, height: 30 });
    expect(Array.from(image.data)).toEqual(Array.from({ length: 40 * 30 }, (_, i) => value(i)));
  });

  it("a 16-bit PNG is scaled 0..max to 8 bits and keeps the robust percentile window (no window written)", async () => {
    // 12-bit detector values in a 16-bit PNG: 1000..3000 with a single bright outlier.
    const value = (i: number) => (i === 0 ? 4095 : 1000 + ((i * 13) % 2001));
    const prepared = await prepareInstance(greyPng(50, 40, value, 16), { maxBytes: 10 * MB, maxPixels: 36e6 });
    expect(prepared.meta.windowCenter).toEqual([]);
    const { image } = await dicomToModelImage(prepared.bytes);
    const data = Array.from(image.data);
    expect(Math.min(...data)).toBe(0); // the 0.5 % low end goes to black (0..max scaling alone would give 62) …
    expect(Math.max(...data)).toBe(255); // … and the 99.5 % high end to white, the outlier only clipped
    expect(data.filter((v) => v === 255).length).toBeLessThan(data.length * 0.02);
  });
});
