import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { inspectUpload } from "./inspect-upload";
import { assertPixelBudget, jpegDimensions, pngDimensions } from "./image-dimensions";
import { makeSyntheticDicom } from "./testing/make-synthetic-dicom";
import { bombDicom, bombJpeg, bombPng } from "./testing/bombs";

const codeOf = (f: () => unknown) => {
  try {
    f();
    return "ok";
  } catch (e) {
    return isAppError(e) ? `${e.code}: ${e.message}` : String(e);
  }
};

describe("image size from the header, before any decode", () => {
  it("reads PNG IHDR and JPEG SOF", () => {
    const png = new PNG({ width: 30, height: 20, colorType: 0 });
    expect(pngDimensions(new Uint8Array(PNG.sync.write(png, { colorType: 0 })))).toEqual({ width: 30, height: 20, samples: 1, frames: 1 });
    expect(pngDimensions(bombPng(20000, 20000))).toEqual({ width: 20000, height: 20000, samples: 1, frames: 1 });
    expect(jpegDimensions(bombJpeg(20000, 20000))).toMatchObject({ width: 20000, height: 20000, frames: 1 });
  });

  it("refuses decompression bombs with 413 and the declared size, and keeps real images", () => {
    const limits = { maxPixels: 36_000_000 };
    expect(codeOf(() => inspectUpload(bombPng(20000, 20000), limits))).toBe(
      "payload_too_large: The image declares 20000×20000 = 400,000,000 pixel values; the limit is 36,000,000 (MAX_IMAGE_PIXELS).",
    );
    expect(codeOf(() => inspectUpload(bombJpeg(20000, 20000), limits))).toMatch(
      /^payload_too_large: The image declares 20000×20000 × 3 samples = 1,200,000,000/,
    );
    expect(codeOf(() => inspectUpload(bombDicom(65535, 65535), limits))).toMatch(
      /^payload_too_large: The image declares 65535×65535 = 4,294,836,225/,
    );
    expect(codeOf(() => inspectUpload(makeSyntheticDicom("explicit-le-16").bytes, limits))).toBe("ok");
    expect(codeOf(() => assertPixelBudget({ width: 4096, height: 4096, samples: 1, frames: 1 }, limits.maxPixels))).toBe("ok");
    expect(codeOf(() => assertPixelBudget({ width: 3000, height: 3000, samples: 3, frames: 2 }, limits.maxPixels))).toMatch(
      /3000×3000 × 2 frames × 3 samples = 54,000,000/,
    );
  });

  it("refuses headers it cannot read", () => {
    expect(codeOf(() => jpegDimensions(Uint8Array.of(0xff, 0xd8, 0xff, 0xd9, 0, 0, 0, 0, 0, 0, 0, 0)))).toBe(
      "unprocessable: JPEG image has no readable frame header (SOF).",
    );
    expect(codeOf(() => pngDimensions(bombPng(10, 10).slice(0, 20)))).toBe("unprocessable: PNG image has no IHDR header.");
  });
});
