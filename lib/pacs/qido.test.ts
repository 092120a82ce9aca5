import { describe, expect, test } from "vitest";
import { dicomDateRange, isoTime, parseStudy, studySearchParams } from "@/lib/pacs/qido";

describe("QIDO-RS mapping", () => {
  test("filters become DICOM query parameters; dates are day ranges, open on either side", () => {
    expect(
      studySearchParams({
        patientId: "P1",
        accessionNumber: "A*",
        dateFrom: "2025-03-01",
        dateTo: "2025-03-31",
        modality: "DX",
        limit: 20,
      }),
    ).toEqual({
      includefield: "00081030,00201208",
      PatientID: "P1",
      AccessionNumber: "A*",
      StudyDate: "20250301-20250331",
      ModalitiesInStudy: "DX",
      limit: "20",
    });
    expect(dicomDateRange("2025-03-01")).toBe("20250301-");
    expect(dicomDateRange(undefined, "2025-03-01")).toBe("-20250301");
    expect(dicomDateRange()).toBeUndefined();
    expect(studySearchParams({ offset: 200, limit: 200 })).toMatchObject({ offset: "200", limit: "200" });
  });

  test("a DICOM JSON study becomes a plain object; missing attributes are null", () => {
    const s = parseStudy({
      "0020000D": { vr: "UI", Value: ["1.2.3"] },
      "00100010": { vr: "PN", Value: [{ Alphabetic: "Doe^Jane" }] },
      "00100020": { vr: "LO", Value: ["P1"] },
      "00080020": { vr: "DA", Value: ["20250301"] },
      "00080030": { vr: "TM", Value: ["101500.123"] },
      "00080061": { vr: "CS", Value: ["CR", "DX"] },
      "00201208": { vr: "IS", Value: [3] },
      "00080050": { vr: "SH" },
    });
    expect(s).toEqual({
      studyInstanceUid: "1.2.3",
      patientId: "P1",
      patientName: "Doe^Jane",
      accessionNumber: null,
      studyDate: "2025-03-01",
      studyTime: "10:15:00",
      modalities: ["CR", "DX"],
      description: null,
      instances: 3,
    });
    expect(parseStudy({ "00100020": { vr: "LO", Value: ["P1"] } })).toBeNull();
    expect(isoTime("0930")).toBe("09:30:00");
    expect(isoTime(null)).toBeNull();
  });
});
