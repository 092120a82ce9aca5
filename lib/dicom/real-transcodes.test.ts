import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeJpegExtended } from "./codecs/decode-jpeg-extended";
import { decodeJpegBaseline8 } from "./codecs/decode-wasm";
import { decodePixels } from "./decode-pixels";
import { readFrameBytes } from "./pixel-frame";
import { hasSharedDicom, listDicomFiles, loadDicom, pixelDiff, SHARED_DICOM_DIR } from "./testing/shared-data";

// derived-transcodes/<source prefix>_<syntax>.dcm were made with DCMTK from these two files.
const SOURCES: Record<string, string> = {
  cr_chest_10bit_mono1: "dcmfx-fodicom/CR-MONO1-10-chest.dcm",
  nih_dx_8bit_mono2: "nhsx-nih-dicom/nih_cxr_dx_covid0000.dcm",
};
// Lossy syntaxes and the error allowed against the source (max / mean absolute difference, source units):
// .50 8-bit baseline; .51 12-bit (DCMTK rescaled 0..1023 → 0..4095, so the source is scaled by 4095/1023 and the
// tolerance is in 12-bit units); .81 near-lossless (JPEG-LS guarantees |error| ≤ NEAR; DCMTK's default NEAR is 2).
const LOSSY: Record<string, { max: number; mean: number; scale?: number }> = {
  jpeg_baseline: { max: 16, mean: 1.5 },
  jpeg_extended12: { max: 32, mean: 4.5, scale: 4095 / 1023 },
  jpegls_nearlossless: { max: 2, mean: 1.5 },
};

const transcodes = listDicomFiles(path.join(SHARED_DICOM_DIR, "derived-transcodes"));
const suite = hasSharedDicom && transcodes.length > 0 ? describe : describe.skip;

suite("derived transcodes decode like their source", () => {
  it.each(transcodes.map((f) => [path.basename(f), f]))(
    "%s",
    async (name, file) => {
      const prefix = Object.keys(SOURCES).find((p) => name.startsWith(p));
      expect(prefix, `no source known for ${name}`).toBeDefined();
      const source = await loadDicom(SOURCES[prefix!]!);
      const { image } = await loadDicom(file);
      expect([image.rows, image.columns]).toEqual([source.image.rows, source.image.columns]);
      const syntax = name.slice(prefix!.length + 1, -".dcm".length);
      const lossy = LOSSY[syntax];
      if (!lossy) {
        // Bit-exact (compared by hand: a failing toEqual on a megapixel array spends minutes building its diff).
        expect(image.pixels.constructor).toBe(source.image.pixels.constructor);
        expect(pixelDiff(image.pixels, source.image.pixels).max).toBe(0);
        return;
      }
      const diff = pixelDiff(image.pixels, source.image.pixels, lossy.scale);
      expect(diff.max).toBeLessThanOrEqual(lossy.max);
      expect(diff.mean).toBeLessThanOrEqual(lossy.mean);
    },
    20_000,
  );

  it("the built-in DCT decoder matches libjpeg-turbo on the 8-bit baseline file (±1)", async () => {
    const { dataset, meta } = await loadDicom("derived-transcodes/nih_dx_8bit_mono2_jpeg_baseline.dcm");
    const bytes = readFrameBytes(dataset, meta, 0);
    const diff = pixelDiff(decodeJpegExtended(bytes).samples, (await decodeJpegBaseline8(bytes)).samples);
    expect(diff.max).toBeLessThanOrEqual(1);
    expect(diff.mean).toBeLessThan(0.05);
  });

  it("RG3 lossy JPEG 2000 stays close to its lossless twin", async () => {
    const lossy = await loadDicom("pydicom-data/non-chest/RG3_J2KI.dcm");
    const lossless = await loadDicom("pydicom-data/non-chest/RG3_J2KR.dcm");
    const diff = pixelDiff(lossy.image.pixels, lossless.image.pixels);
    expect(diff.max).toBeLessThanOrEqual(16);
    expect(diff.mean).toBeLessThan(1.5);
  }, 20_000);

  it("RG1_J2KI: sub-resolution decode halves the size per level and is faster than the full decode", async () => {
    const { dataset, meta } = await loadDicom("pydicom-data/RG1_J2KI.dcm"); // also warms the codec
    const time = async (level: number) => {
      const t = performance.now();
      const image = await decodePixels(dataset, { metadata: meta, j2kDecodeLevel: level });
      return { ms: performance.now() - t, rows: image.rows, columns: image.columns };
    };
    const full = await time(0);
    const half = await time(1);
    const quarter = await time(2);
    console.info(
      `[lib/dicom] RG1_J2KI.dcm decode: full ${full.ms.toFixed(0)} ms, level 1 ${half.ms.toFixed(0)} ms, level 2 ${quarter.ms.toFixed(0)} ms`,
    );
    expect([half.rows, half.columns]).toEqual([978, 921]);
    expect([quarter.rows, quarter.columns]).toEqual([489, 461]);
    expect(quarter.ms).toBeLessThan(full.ms);
  }, 30_000);
});
