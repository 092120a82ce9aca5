import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeSyntheticDicom } from "@/lib/dicom/testing/make-synthetic-dicom";
import { SHARED_DICOM_DIR } from "@/lib/dicom/testing/shared-data";
import { decodeDisplayImage, openDicom, previewLevel } from "./display-image";

const RG1 = path.join(SHARED_DICOM_DIR, "pydicom-data/RG1_J2KI.dcm");

describe("decodeDisplayImage", () => {
  it("keeps full 12-bit precision and the file's window", async () => {
    const { image, presets, preview } = await decodeDisplayImage(openDicom(makeSyntheticDicom("explicit-le-16").bytes), "cxr:a");
    expect(preview).toBe(false);
    expect(image.getPixelData()).toBeInstanceOf(Uint16Array);
    expect(image.maxPixelValue).toBe(4000);
    expect([image.windowCenter, image.windowWidth]).toEqual([2000, 4000]);
    expect(presets[0]).toMatchObject({ id: "dicom", center: 2000, width: 4000 });
    expect([image.rows, image.columns, image.width, image.height]).toEqual([48, 64, 64, 48]);
    expect([image.rowPixelSpacing, image.columnPixelSpacing]).toEqual([0.139, 0.14]);
    expect(image.sizeInBytes).toBe(48 * 64 * 2);
    expect(image.invert).toBe(false);
    expect(image.color).toBe(false);
  });

  it("MONOCHROME1 is flagged for inversion (air dark) and its presets mirror", async () => {
    const { image, presets } = await decodeDisplayImage(openDicom(makeSyntheticDicom("mono1").bytes), "cxr:b");
    expect(image.invert).toBe(true);
    expect(presets[1]!.center).toBeGreaterThan(presets[0]!.center); // lung on the high (air) side
  });

  it("passes the modality LUT through for cornerstone to apply", async () => {
    const { image, presets } = await decodeDisplayImage(openDicom(makeSyntheticDicom("signed-rescale").bytes), "cxr:c");
    expect(image.getPixelData()).toBeInstanceOf(Int16Array);
    expect([image.slope, image.intercept]).toEqual([2, -1024]);
    expect(image.minPixelValue).toBeLessThan(0);
    // no file window: percentile range in modality units (2·stored − 1024)
    expect(presets[0]!.center).toBeGreaterThan(-2048 - 1024);
    expect(presets[0]!.width).toBeGreaterThan(1000);
  });

  it("hands a VOI LUT Sequence to cornerstone as an 8-bit LUT", async () => {
    const { image } = await decodeDisplayImage(openDicom(makeSyntheticDicom("voi-lut").bytes), "cxr:d");
    expect(image.voiLUT).toMatchObject({ firstValueMapped: 0, numBitsPerEntry: 8 });
    expect(image.voiLUT!.lut[4095]).toBe(255);
  });

  it("reuses the presets of an earlier pass", async () => {
    const o = openDicom(makeSyntheticDicom("signed-rescale").bytes);
    const presets = [{ id: "dicom" as const, label: "DICOM", center: 1, width: 2 }];
    const d = await decodeDisplayImage(o, "cxr:f", 0, presets);
    expect(d.presets).toBe(presets);
    expect([d.image.windowCenter, d.image.windowWidth]).toEqual([1, 2]);
  });

  it("8-bit data stays 8-bit", async () => {
    const { image } = await decodeDisplayImage(openDicom(makeSyntheticDicom("eight-bit").bytes), "cxr:e");
    expect(image.getPixelData()).toBeInstanceOf(Uint8Array);
  });
});

describe.skipIf(!fs.existsSync(RG1))("RG1_J2KI.dcm (JPEG 2000, 1955×1841)", () => {
  const opened = () => openDicom(new Uint8Array(fs.readFileSync(RG1)));

  it("plans a reduced-resolution first pass and reports its scale", async () => {
    const o = opened();
    expect(previewLevel(o.meta)).toBe(2);
    const first = await decodeDisplayImage(o, "cxr:rg1", previewLevel(o.meta));
    const full = await decodeDisplayImage(o, "cxr:rg1");
    expect(first.preview).toBe(true);
    expect(full.preview).toBe(false);
    expect([full.image.rows, full.image.columns]).toEqual([o.meta.rows, o.meta.columns]);
    expect(first.image.columns).toBe(Math.ceil(o.meta.columns / 4));
    expect(first.scale).toBeCloseTo(o.meta.columns / first.image.columns);
    expect(full.scale).toBe(1);
    expect(first.image.getPixelData().length).toBe(first.image.rows * first.image.columns);
    expect(full.image.maxPixelValue).toBeGreaterThan(4095); // 15-bit data, not squashed to 8 bits
    expect(Math.abs(first.presets[0]!.center - full.presets[0]!.center)).toBeLessThan(full.presets[0]!.width * 0.05);
  });

  it("no first pass for small or non-JPEG 2000 images", () => {
    expect(previewLevel({ ...opened().meta, rows: 500, columns: 400 })).toBe(0);
    expect(previewLevel({ ...opened().meta, rows: 1000, columns: 900 })).toBe(1);
    expect(previewLevel({ ...opened().meta, transferSyntaxUid: "1.2.840.10008.1.2.1" })).toBe(0);
  });
});
