import { describe, expect, it } from "vitest";
import { parseDicom } from "@/lib/dicom/parse-dicom";
import { readMetadata } from "@/lib/dicom/read-metadata";
import { decodePixels } from "@/lib/dicom/decode-pixels";
import { makeSyntheticDicom } from "@/lib/dicom/testing/make-synthetic-dicom";
import { wrapPart10 } from "./wrap-part10";

// What a C-STORE carries is the data set without preamble and meta group: cut one from a Part 10 file.
function bareDataset(part10: Uint8Array): Uint8Array {
  const view = new DataView(part10.buffer, part10.byteOffset);
  const groupLength = view.getUint32(132 + 8, true); // (0002,0000) UL, explicit VR LE
  return part10.subarray(132 + 12 + groupLength);
}

describe("wrapPart10", () => {
  for (const kind of ["implicit-le", "explicit-le-16", "explicit-be", "rle"] as const)
    it(`makes a ${kind} data set a Part 10 file that parses and decodes like the original`, async () => {
      const original = makeSyntheticDicom(kind);
      const ds = parseDicom(original.bytes);
      const meta = readMetadata(ds);
      const wrapped = wrapPart10(
        {
          sopClassUid: meta.sopClassUid!,
          sopInstanceUid: meta.sopInstanceUid!,
          transferSyntaxUid: ds.transferSyntaxUid,
          sourceAeTitle: "MODALITY1",
        },
        bareDataset(original.bytes),
      );
      const again = parseDicom(wrapped);
      expect(again.transferSyntaxUid).toBe(ds.transferSyntaxUid);
      expect(again.raw.string("x00020016")).toBe("MODALITY1");
      expect(readMetadata(again)).toMatchObject({ sopInstanceUid: meta.sopInstanceUid, rows: meta.rows, columns: meta.columns });
      expect(Array.from((await decodePixels(again)).pixels)).toEqual(Array.from((await decodePixels(ds)).pixels));
    });
});
