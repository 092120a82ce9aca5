import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { blankPatientIdentity } from "./blank-patient-identity";
import { decodePixels } from "./decode-pixels";
import { parseDicom } from "./parse-dicom";
import { readMetadata } from "./read-metadata";
import { makeSyntheticDicom, type SyntheticKind } from "./testing/make-synthetic-dicom";
import { hasSharedDicom, SHARED_DICOM_DIR } from "./testing/shared-data";

const KINDS: SyntheticKind[] = ["explicit-le-16", "implicit-le", "explicit-be", "rle", "acr-nema", "deflated", "voi-lut"];

async function view(bytes: Uint8Array) {
  const dataset = parseDicom(bytes);
  const meta = readMetadata(dataset);
  return { meta, image: await decodePixels(dataset, { metadata: meta }) };
}

const text = (b: Uint8Array) => Buffer.from(b).toString("latin1");

describe("blankPatientIdentity", () => {
  for (const kind of KINDS) {
    it(`${kind}: patient module and accession gone, pixels and everything else unchanged`, async () => {
      const { bytes } = makeSyntheticDicom(kind);
      const before = await view(bytes);
      expect(before.meta.patientName).toBe("Doe^Jane");
      const blanked = blankPatientIdentity(bytes);
      const after = await view(blanked);
      expect(
        [after.meta.patientName, after.meta.patientId, after.meta.patientBirthDate, after.meta.accessionNumber].map((v) => v ?? ""),
      ).toEqual(["", "", "", ""]);
      for (const secret of ["Doe^Jane", "PID-42", "19700101", "ACC123"]) expect(text(blanked)).not.toContain(secret);
      expect(Array.from(after.image.pixels)).toEqual(Array.from(before.image.pixels));
      expect(after.meta.sopInstanceUid).toBe(before.meta.sopInstanceUid);
      expect(after.meta.studyDescription).toBe("Chest PA");
      if (kind !== "deflated") {
        expect(blanked.length).toBe(bytes.length);
        // Only the blanked values differ: at most the bytes of the four values above (+ padding).
        const changed = blanked.reduce((n, b, i) => n + (b !== bytes[i] ? 1 : 0), 0);
        expect(changed).toBeGreaterThan(0);
        expect(changed).toBeLessThanOrEqual("Doe^Jane".length + "PID-42".length + "19700101".length + "ACC123".length + "F".length + 4);
      }
    });
  }

  it.skipIf(!hasSharedDicom)("a real JPEG 2000 radiograph keeps its compressed pixels byte for byte", async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(SHARED_DICOM_DIR, "pydicom-data/RG1_J2KI.dcm")));
    const blanked = blankPatientIdentity(bytes);
    expect(text(blanked)).not.toContain("CompressedSamples^RG1");
    expect(text(blanked)).not.toContain("exam Number");
    const px = (b: Uint8Array) => {
      const el = parseDicom(b).raw.elements.x7fe00010!;
      return Buffer.from(b.subarray(el.dataOffset, b.length));
    };
    expect(px(blanked).equals(px(bytes))).toBe(true);
    expect((await view(blanked)).meta.patientId ?? "").toBe("");
  });
});
