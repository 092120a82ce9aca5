import { describe, expect, it } from "vitest";
import { formatStudyDate, studyDisplayName, type StudyIdentity } from "./display-name";

const study = (o: Partial<StudyIdentity> = {}): StudyIdentity => ({
  pseudonym: "st_4f2a",
  accessionNumber: null,
  patientId: null,
  studyDate: null,
  description: null,
  ...o,
});

describe("study display name", () => {
  it("is the accession number when there is one", () => {
    expect(studyDisplayName(study({ accessionNumber: " ACC-17 ", patientId: "P1", studyDate: "2024-03-01" }), true)).toBe("ACC-17");
  });

  it("else patient ID, study date and description; an unknown date says so", () => {
    expect(studyDisplayName(study({ patientId: "P1", studyDate: "2024-03-01", description: "CHEST PA" }), true)).toBe(
      "P1 · date 2024-03-01 · CHEST PA",
    );
    expect(studyDisplayName(study({ patientId: "P1" }), true)).toBe("P1 · date unknown");
    expect(studyDisplayName(study({ description: "Uploaded PNG" }), true)).toBe("st_4f2a · date unknown · Uploaded PNG");
  });

  it("is the pseudonym for callers who may not see patient identifiers, whatever the study holds", () => {
    expect(studyDisplayName(study({ accessionNumber: "ACC-17", patientId: "P1" }), false)).toBe("st_4f2a");
  });

  it("formats a missing study date as unknown", () => {
    expect(formatStudyDate(null)).toBe("unknown");
    expect(formatStudyDate("2024-03-01T00:00:00.000Z")).toBe("2024-03-01");
  });
});
