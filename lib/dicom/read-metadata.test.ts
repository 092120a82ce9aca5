import { describe, expect, it } from "vitest";
import { parseDicom } from "./parse-dicom";
import { toPublicMetadata } from "./public-metadata";
import { readMetadata } from "./read-metadata";
import { COLUMNS, DX_SOP_CLASS, makeSyntheticDicom, ROWS, SOP_INSTANCE } from "./testing/make-synthetic-dicom";

const metaOf = (kind: Parameters<typeof makeSyntheticDicom>[0]) => readMetadata(parseDicom(makeSyntheticDicom(kind).bytes));

describe("readMetadata", () => {
  it("round-trips identity, image-pixel and window tags", () => {
    const m = metaOf("explicit-le-16");
    expect(m).toMatchObject({
      patientId: "PID-42",
      patientName: "Doe^Jane",
      patientBirthDate: "19700101",
      patientSex: "F",
      accessionNumber: "ACC123",
      studyInstanceUid: "1.2.826.0.1.3680043.10.99.2",
      seriesInstanceUid: "1.2.826.0.1.3680043.10.99.3",
      sopInstanceUid: SOP_INSTANCE,
      sopClassUid: DX_SOP_CLASS,
      studyDate: "20240131",
      studyDescription: "Chest PA",
      modality: "DX",
      bodyPart: "CHEST",
      viewPosition: "PA",
      manufacturer: "Synthetic Co",
      manufacturerModelName: "Model X",
      photometricInterpretation: "MONOCHROME2",
      rows: ROWS,
      columns: COLUMNS,
      bitsAllocated: 16,
      bitsStored: 12,
      highBit: 11,
      pixelRepresentation: 0,
      samplesPerPixel: 1,
      rescaleSlope: 1,
      rescaleIntercept: 0,
      windowCenter: [2000, 1000],
      windowWidth: [4000, 2000],
      pixelSpacing: [0.139, 0.14],
      imagerPixelSpacing: [0.15, 0.16],
      transferSyntaxUid: "1.2.840.10008.1.2.1",
      numberOfFrames: 1,
    });
    expect(m.voiLut).toBeUndefined();
  });

  it("reads the same values from implicit LE, big endian, deflated and ACR-NEMA encodings", () => {
    const reference = metaOf("implicit-le");
    for (const kind of ["explicit-be", "deflated", "acr-nema"] as const) {
      expect({ ...metaOf(kind), transferSyntaxUid: "" }).toEqual({ ...reference, transferSyntaxUid: "" });
    }
  });

  it("reads rescale, signed representation and empty windows", () => {
    const m = metaOf("signed-rescale");
    expect(m).toMatchObject({ pixelRepresentation: 1, rescaleSlope: 2, rescaleIntercept: -1024, windowCenter: [], windowWidth: [] });
  });

  it("reads the VOI LUT sequence (descriptor and data)", () => {
    const lut = metaOf("voi-lut").voiLut;
    expect(lut?.descriptor).toEqual([4096, 0, 8]);
    expect(lut?.data).toHaveLength(4096);
    expect(lut?.data[4095]).toBe(255);
    expect(lut?.explanation).toBe("RAMP");
  });
});

describe("toPublicMetadata", () => {
  it("drops patient-identifying fields and keeps the image description, without mutating the input", () => {
    const m = metaOf("explicit-le-16");
    const pub = toPublicMetadata(m);
    for (const key of [
      "patientId",
      "patientName",
      "patientBirthDate",
      "patientSex",
      "accessionNumber",
      "studyInstanceUid",
      "seriesInstanceUid",
      "sopInstanceUid",
      "studyDate",
      "studyDescription",
    ]) {
      expect(pub).not.toHaveProperty(key);
    }
    expect(pub).toMatchObject({ modality: "DX", bodyPart: "CHEST", viewPosition: "PA", rows: ROWS, sopClassUid: DX_SOP_CLASS });
    expect(JSON.stringify(pub)).not.toMatch(/Doe|PID-42|ACC123|19700101/);
    expect(m.patientName).toBe("Doe^Jane");
  });
});
