import { describe, expect, it } from "vitest";
import { decodePixels } from "@/lib/dicom/decode-pixels";
import { parseDicom } from "@/lib/dicom/parse-dicom";
import { readMetadata } from "@/lib/dicom/read-metadata";
import { applyWindow, dicomWindow, renderToGrey8 } from "@/lib/dicom/voi";
import { generateUid, IDENTITY_WINDOW_8BIT, SECONDARY_CAPTURE_SOP_CLASS, writeSecondaryCapture } from "@/lib/dicom/write-secondary-capture";

describe("secondary capture wrapper", () => {
  it("round-trips through our own parser with identical pixels", async () => {
    const rows = 7;
    const columns = 5; // odd sizes exercise padding
    const pixels = Uint8Array.from({ length: rows * columns }, (_, i) => (i * 37) % 256);
    const uids = { studyInstanceUid: generateUid(), seriesInstanceUid: generateUid(), sopInstanceUid: generateUid() };
    const bytes = writeSecondaryCapture({ rows, columns, pixels, ...uids, studyDate: "20260102", description: "Uploaded PNG" });
    const ds = parseDicom(bytes);
    const meta = readMetadata(ds);
    expect(meta).toMatchObject({
      ...uids,
      rows,
      columns,
      sopClassUid: SECONDARY_CAPTURE_SOP_CLASS,
      photometricInterpretation: "MONOCHROME2",
    });
    const decoded = await decodePixels(ds);
    expect(Array.from(decoded.pixels)).toEqual(Array.from(pixels));
  });

  it("with the identity window, renders every 8-bit value to itself (viewer, detector and export see the raw pixels)", async () => {
    // 0..255 once each, plus a low-contrast patch a percentile window would stretch.
    const pixels = Uint8Array.from([...Array.from({ length: 256 }, (_, v) => v), ...Array.from({ length: 64 }, (_, i) => 100 + (i % 20))]);
    const uids = { studyInstanceUid: generateUid(), seriesInstanceUid: generateUid(), sopInstanceUid: generateUid() };
    const bytes = writeSecondaryCapture({
      rows: 16,
      columns: 20,
      pixels,
      ...uids,
      studyDate: "20260102",
      description: "Uploaded PNG",
      window: IDENTITY_WINDOW_8BIT,
    });
    const ds = parseDicom(bytes);
    const meta = readMetadata(ds);
    expect(meta.windowCenter).toEqual([128]);
    expect(meta.windowWidth).toEqual([256]);
    expect(dicomWindow(meta)).toEqual({ center: 128, width: 256, fn: "LINEAR" });
    // The LINEAR formula itself is the identity on 0..255 (up to floating-point error, far below rounding) …
    for (let x = 0; x <= 255; x++) expect(applyWindow(x, IDENTITY_WINDOW_8BIT)).toBeCloseTo(x, 9);
    // … and the whole pipeline gives back the stored pixels, pixel for pixel.
    expect(Array.from(renderToGrey8(await decodePixels(ds), meta))).toEqual(Array.from(pixels));
    // Centre 127.5 (a common guess) would be half a grey level off under the LINEAR rule, and 255 wide would clip.
    expect(applyWindow(100, { center: 127.5, width: 256 })).toBe(100.5);
  });

  it("without a window it writes none (readers fall back to their own windowing)", () => {
    const bytes = writeSecondaryCapture({
      rows: 1,
      columns: 2,
      pixels: Uint8Array.of(1, 2),
      studyInstanceUid: "1.2",
      seriesInstanceUid: "1.3",
      sopInstanceUid: "1.4",
      studyDate: "20260102",
      description: "x",
    });
    expect(readMetadata(parseDicom(bytes)).windowCenter).toEqual([]);
  });

  it("makes distinct, valid UUID-derived UIDs", () => {
    const a = generateUid();
    expect(a).toMatch(/^2\.25\.\d{1,39}$/);
    expect(a.length).toBeLessThanOrEqual(64);
    expect(generateUid()).not.toBe(a);
  });
});
