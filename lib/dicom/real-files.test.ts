import path from "node:path";
import { describe, expect, it } from "vitest";
import { boxMean, hasSharedDicom, listDicomFiles, loadDicom, relativeName } from "./testing/shared-data";
import { renderToGrey8 } from "./voi";

// rows × columns (and photometric) per file, from shared/data/README.md and the pydicom-data originals.
const EXPECTED: Record<string, { rows: number; columns: number; photometric: string }> = {
  "RG1_J2KI.dcm": { rows: 1955, columns: 1841, photometric: "MONOCHROME1" },
  "CR-MONO1-10-chest.dcm": { rows: 440, columns: 440, photometric: "MONOCHROME1" },
  "nih_cxr_dx_covid0000.dcm": { rows: 1024, columns: 1024, photometric: "MONOCHROME2" },
  "JLSL_08_07_0_1F.dcm": { rows: 128, columns: 128, photometric: "MONOCHROME2" },
  "JLSL_16_15_1_1F.dcm": { rows: 128, columns: 128, photometric: "MONOCHROME2" },
  "JPEG-LL.dcm": { rows: 1024, columns: 256, photometric: "MONOCHROME2" },
  "JPGLosslessP14SV1_1s_1f_8b.dcm": { rows: 768, columns: 1024, photometric: "MONOCHROME2" },
  "RG3_J2KI.dcm": { rows: 1760, columns: 1760, photometric: "MONOCHROME1" },
  "RG3_J2KR.dcm": { rows: 1760, columns: 1760, photometric: "MONOCHROME1" },
};
const expectedFor = (file: string) => {
  const base = path.basename(file);
  if (base.startsWith("cr_chest_")) return EXPECTED["CR-MONO1-10-chest.dcm"];
  if (base.startsWith("nih_dx_")) return EXPECTED["nih_cxr_dx_covid0000.dcm"];
  return EXPECTED[base];
};

const files = listDicomFiles();
const suite = hasSharedDicom && files.length > 0 ? describe : describe.skip;

suite("real DICOM files in shared/data/dicom", () => {
  it("finds every file the README lists", () => {
    expect(files.length).toBeGreaterThanOrEqual(22);
  });

  it.each(files.map((f) => [relativeName(f), f]))(
    "%s decodes with the right size and a value range inside bitsStored",
    async (_name, file) => {
      const { meta, image } = await loadDicom(file);
      const expected = expectedFor(file);
      if (expected) {
        expect([image.rows, image.columns]).toEqual([expected.rows, expected.columns]);
        expect(meta.photometricInterpretation).toBe(expected.photometric);
      }
      expect(image.pixels.length).toBe(image.rows * image.columns * image.samplesPerPixel);
      const expectedType = image.pixelRepresentation === 1 ? Int16Array : meta.bitsAllocated === 8 ? Uint8Array : Uint16Array;
      expect(image.pixels).toBeInstanceOf(expectedType);
      const [lo, hi] =
        image.pixelRepresentation === 1
          ? [-(2 ** (image.bitsStored - 1)), 2 ** (image.bitsStored - 1) - 1]
          : [0, 2 ** image.bitsStored - 1];
      expect(image.minValue).toBeGreaterThanOrEqual(lo);
      expect(image.maxValue).toBeLessThanOrEqual(hi);
      expect(image.maxValue).toBeGreaterThan(image.minValue); // not blank
    },
    20_000,
  );

  // A PA chest: both lung fields must render darker than the mediastinum, whatever the photometric interpretation.
  it.each(["dcmfx-fodicom/CR-MONO1-10-chest.dcm", "pydicom-data/RG1_J2KI.dcm", "nhsx-nih-dicom/nih_cxr_dx_covid0000.dcm"])(
    "%s renders with dark lungs (air) and a bright mediastinum",
    async (file) => {
      const { meta, image } = await loadDicom(file);
      const grey = renderToGrey8(image, meta);
      const box = (cx: number) => boxMean(grey, image.rows, image.columns, cx, 0.45);
      expect(box(0.28)).toBeLessThan(box(0.5) - 30);
      expect(box(0.72)).toBeLessThan(box(0.5) - 30);
      if (meta.photometricInterpretation === "MONOCHROME1") {
        // The same pixels shown without the MONOCHROME1 inversion would have bright lungs: the inversion matters.
        const wrong = renderToGrey8(image, { ...meta, photometricInterpretation: "MONOCHROME2" });
        expect(boxMean(wrong, image.rows, image.columns, 0.28, 0.45)).toBeGreaterThan(boxMean(wrong, image.rows, image.columns, 0.5, 0.45));
      }
    },
    20_000,
  );
});
