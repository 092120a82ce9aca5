import { data as dcmjsData } from "dcmjs";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { dciodvfy, dciodvfyAvailable, DCIODVFY_MISSING } from "@/lib/dicom/testing/dciodvfy";
import { writeMeasurementReport } from "@/lib/sr/write-measurement-report";
import { sampleReportInput } from "@/lib/sr/testing/sample-report";

// dciodvfy (dicom3tools) is the IOD validator PACS vendors use: the SR must have no "Error" line there.
if (!dciodvfyAvailable() && env.CI) throw new Error(DCIODVFY_MISSING);
if (!dciodvfyAvailable()) console.warn(`[lib/sr] ${DCIODVFY_MISSING}: the IOD check is skipped`);

// dcmjs reads strings inside sequences as Latin-1 whatever (0008,0005) says; the file holds UTF-8 (ISO_IR 192).
const utf8 = (s: string) => Buffer.from(s, "latin1").toString("utf8");
const read = (bytes: Uint8Array) => {
  const msg = dcmjsData.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return dcmjsData.DicomMetaDictionary.naturalizeDataset(msg.dict) as Record<string, unknown>;
};

describe("the SR's conformance fixes", () => {
  const bytes = writeMeasurementReport(sampleReportInput());
  const ds = read(bytes);

  it.skipIf(!dciodvfyAvailable())("passes dciodvfy as a Comprehensive SR without errors", () => {
    const report = dciodvfy(bytes);
    expect(report.iod).toBe("ComprehensiveSR");
    expect(report.errors).toEqual([]);
  });

  it("copies StudyTime, StudyID and the referring physician from the source study", () => {
    expect([ds.StudyTime, ds.StudyID, ds.ReferringPhysicianName]).toEqual(["101500", "CXR42", [{ Alphabetic: "Ref^Erin" }]]);
  });

  it("names the verifying observer in PN form with a non-empty organization", () => {
    const [observer] = ds.VerifyingObserverSequence as Array<Record<string, unknown>>;
    expect(utf8((observer!.VerifyingObserverName as Array<{ Alphabetic: string }>)[0]!.Alphabetic)).toBe("Müller^Anna");
    expect(observer!.VerifyingOrganization).toBe("General Hospital");
    const fallback = read(writeMeasurementReport({ ...sampleReportInput(), organization: undefined }));
    expect((fallback.VerifyingObserverSequence as Array<Record<string, unknown>>)[0]!.VerifyingOrganization).toBe("CXR Review");
  });

  it("declares the private coding scheme 99CXR in (0008,0110)", () => {
    expect(ds.CodingSchemeIdentificationSequence).toEqual([expect.objectContaining({ CodingSchemeDesignator: "99CXR" })]);
  });
});
