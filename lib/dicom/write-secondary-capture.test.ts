import { describe, expect, it } from "vitest";
import { decodePixels } from "@/lib/dicom/decode-pixels";
import { parseDicom } from "@/lib/dicom/parse-dicom";
import { readMetadata } from "@/lib/dicom/read-metadata";
import { generateUid, SECONDARY_CAPTURE_SOP_CLASS, writeSecondaryCapture } from "@/lib/dicom/write-secondary-capture";

describe("secondary capture wrapper", () => {
  it("round-trips through our own parser with identical pixels", async () => {
    const rows = 7;
    const columns = 5; // odd sizes exercise padding
    const pixels = Uint8Array.from({ length: rows * columns }, (_, i) => (i * 37) % 256);
    const uids = { studyInstanceUid: generateUid(), seriesInstanceUid: generateUid(), sopInstanceUid: generateUid() };
    const bytes = writeSecondaryCapture({ rows, columns, pixels, ...uids, studyDate: "20260102", description: "Uploaded PNG" });
    const ds = parseDicom(bytes);
    const meta = readMetadata(ds);
    expect(meta).toMatchObject({ ...uids, rows, columns, sopClassUid: SECONDARY_CAPTURE_SOP_CLASS, photometricInterpretation: "MONOCHROME2" });
    const decoded = await decodePixels(ds);
    expect(Array.from(decoded.pixels)).toEqual(Array.from(pixels));
  });

  it("makes distinct, valid UUID-derived UIDs", () => {
    const a = generateUid();
    expect(a).toMatch(/^2\.25\.\d{1,39}$/);
    expect(a.length).toBeLessThanOrEqual(64);
    expect(generateUid()).not.toBe(a);
  });
});
