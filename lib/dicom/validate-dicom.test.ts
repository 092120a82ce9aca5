import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { parseDicom } from "./parse-dicom";
import {
  latin1,
  overwrite,
  parseForSplice,
  withInserted,
  withLengthField,
  withSwapped,
  withValue,
  datasetElements,
} from "./testing/dicom-splice";
import { makeSyntheticDicom } from "./testing/make-synthetic-dicom";
import { assertValidDicom, findDicomViolations } from "./validate-dicom";

const base = (kind: "explicit-le-16" | "implicit-le" | "voi-lut" = "explicit-le-16") => parseForSplice(makeSyntheticDicom(kind).bytes)!;
const text = (key: string, value: string, kind?: "implicit-le") => {
  const f = base(kind);
  return withValue(f, f.ds.elements[key]!, latin1(value));
};
const us = (key: string, value: number) => {
  const f = base();
  return overwrite(f, f.ds.elements[key]!.dataOffset, Uint8Array.of(value & 255, value >> 8));
};
const firstViolation = (bytes: Uint8Array) => {
  const v = findDicomViolations(parseDicom(bytes, { metadataOnly: true }));
  return v[0] ? `${v[0].attribute} ${v[0].tag} ${v[0].rule}` : "valid";
};

describe("ingest validator", () => {
  it.each([
    "explicit-le-16",
    "implicit-le",
    "explicit-be",
    "rle",
    "deflated",
    "acr-nema",
    "voi-lut",
    "signed-rescale",
    "eight-bit",
  ] as const)("accepts the valid %s fixture", (kind) => {
    expect(findDicomViolations(parseDicom(makeSyntheticDicom(kind).bytes))).toEqual([]);
  });

  it.each([
    [
      "StudyInstanceUID",
      () => text("x0020000d", "1.2.826.0.1.3680043.10.99/2"),
      'StudyInstanceUID (0020,000D) contains "/" (only digits and dots are allowed)',
    ],
    ["SeriesInstanceUID", () => text("x0020000e", "1.2.04"), 'SeriesInstanceUID (0020,000E) has a leading zero in component 3 ("04")'],
    ["SOPInstanceUID", () => text("x00080018", "1.2." + "9".repeat(198)), "SOPInstanceUID (0008,0018) is 202 characters long (at most 64)"],
    ["SOPClassUID", () => text("x00080016", "1.2..840"), "SOPClassUID (0008,0016) has an empty component at position 3"],
    [
      "TransferSyntaxUID",
      () => {
        const f = base();
        return overwrite(f, f.ds.elements.x00020010!.dataOffset + 3, latin1("A"));
      },
      'TransferSyntaxUID (0002,0010) contains "A" (only digits and dots are allowed)',
    ],
    [
      "PhotometricInterpretation",
      () => text("x00280004", "MONOCHROM\u00f21"),
      "PhotometricInterpretation (0028,0004) contains the byte 0xF2, which CS does not allow",
    ],
    [
      "PhotometricInterpretation enum",
      () => text("x00280004", "PALETTE COLOR"),
      'PhotometricInterpretation (0028,0004) "PALETTE COLOR" is not one of MONOCHROME1, MONOCHROME2, RGB, YBR_FULL, YBR_FULL_422, YBR_ICT, YBR_RCT',
    ],
    ["SamplesPerPixel", () => us("x00280002", 2), "SamplesPerPixel (0028,0002) is 2; must be 1 or 3"],
    ["SamplesPerPixel vs photometric", () => us("x00280002", 3), "SamplesPerPixel (0028,0002) is 3, but MONOCHROME2 has 1"],
    ["BitsAllocated", () => us("x00280100", 12), "BitsAllocated (0028,0100) is 12; must be 8 or 16 for a radiograph"],
    ["BitsStored", () => us("x00280101", 17), "BitsStored (0028,0101) is 17; must be between 1 and BitsAllocated (16)"],
    ["HighBit", () => us("x00280102", 12), "HighBit (0028,0102) is 12; must be BitsStored − 1 (11)"],
    ["PixelRepresentation", () => us("x00280103", 2), "PixelRepresentation (0028,0103) is 2; must be 0 (unsigned) or 1 (signed)"],
    ["Rows", () => us("x00280010", 0), "Rows (0028,0010) is missing or zero"],
    ["WindowWidth", () => text("x00281051", "0\\2000"), "WindowWidth (0028,1051) must be at least 1"],
    ["PatientBirthDate", () => text("x00100030", "19701345"), 'PatientBirthDate (0010,0030) "19701345" is not a date (YYYYMMDD)'],
    [
      "StudyDate implicit",
      () => text("x00080020", "2024-01-31", "implicit-le"),
      "StudyDate (0008,0020) has a value of 10 characters (DA allows at most 8)",
    ],
    ["PatientName", () => text("x00100010", "Doe\u0007Jane"), "PatientName (0010,0010) contains the byte 0x07, which PN does not allow"],
    ["PatientID", () => text("x00100020", "P".repeat(65)), "PatientID (0010,0020) has a value of 65 characters (LO allows at most 64)"],
    ["PatientSex", () => text("x00100040", "X"), 'PatientSex (0010,0040) "X" is not one of M, F, O'],
    [
      "AccessionNumber",
      () => text("x00080050", "A".repeat(17)),
      "AccessionNumber (0008,0050) has a value of 17 characters (SH allows at most 16)",
    ],
    [
      "VR",
      () => {
        const f = base();
        return overwrite(f, f.ds.elements.x00100010!.dataOffset - 4, latin1("DS"));
      },
      'PatientName (0010,0010) is encoded with VR "DS"; the data dictionary says PN',
    ],
    [
      "invalid VR",
      () => {
        const f = base();
        return overwrite(f, f.ds.elements.x00080070!.dataOffset - 4, Uint8Array.of(0, 1));
      },
      'Element (0008,0070) has the invalid VR "": the tag stream cannot be parsed',
    ],
    [
      "tag order",
      () => {
        const f = base();
        const [a, b] = datasetElements(f);
        return withSwapped(f, a!, b!);
      },
      "Element (0008,0016) follows (0008,0018): tags must be in ascending order",
    ],
    [
      "length past the end (implicit)",
      () => {
        const f = base("implicit-le");
        const p = f.ds.elements.x7fe00010!;
        return withLengthField(f, p, p.length + 10);
      },
      "Element (7FE0,0010) declares 6154 bytes, past the end of the file: the tag stream cannot be parsed to its end",
    ],
    [
      "VOI LUT data vs descriptor",
      () => {
        const f = base("voi-lut");
        const d = f.ds.elements.x00283010!.items![0]!.dataSet!.elements.x00283002!;
        return overwrite(f, d.dataOffset, Uint8Array.of(0x00, 0x08));
      },
      "LUTData (0028,3006) VOILUTSequence item 1: holds 8192 bytes, but the descriptor declares 2048 entries of 8 bits",
    ],
    [
      "VOI LUT bits",
      () => {
        const f = base("voi-lut");
        const d = f.ds.elements.x00283010!.items![0]!.dataSet!.elements.x00283002!;
        return overwrite(f, d.dataOffset + 4, Uint8Array.of(12, 0));
      },
      "LUTDescriptor (0028,3002) VOILUTSequence item 1: declares 12 bits per entry; must be 8 or 16",
    ],
    [
      "Modality LUT",
      () =>
        withInserted(base(), {
          tag: 0x00283000,
          vr: "SQ",
          value: [
            [
              { tag: 0x00283002, vr: "US", value: [256, 0, 16] },
              { tag: 0x00283006, vr: "OW", value: new Uint16Array(300) },
            ],
          ],
        }),
      "LUTData (0028,3006) ModalityLUTSequence item 1: holds 600 bytes, but the descriptor declares 256 entries of 16 bits",
    ],
  ])("refuses a bad %s with the attribute, its tag and the rule", (_, make, reason) => {
    expect(firstViolation(make())).toBe(reason);
  });

  it("throws unprocessable with every violation in details", () => {
    const f = base();
    const once = parseForSplice(withValue(f, f.ds.elements.x00100040!, latin1("X")))!;
    const bytes = withValue(once, once.ds.elements.x00080020!, latin1("20241345"));
    try {
      assertValidDicom(parseDicom(bytes, { metadataOnly: true }));
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe("unprocessable");
      expect((e as Error).message).toBe('Invalid DICOM: StudyDate (0008,0020) "20241345" is not a date (YYYYMMDD) (and 1 more problem).');
      expect((e as { details: unknown }).details).toEqual({
        violations: [
          expect.objectContaining({ attribute: "StudyDate" }),
          { attribute: "PatientSex", tag: "(0010,0040)", rule: '"X" is not one of M, F, O' },
        ],
      });
    }
  });
});
