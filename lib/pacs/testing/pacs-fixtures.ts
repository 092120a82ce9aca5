// Test studies for the PACS: several instances of one synthetic chest study in different transfer syntaxes, made
// with DCMTK (dcmodify, dcmcrle, dcmcjpls), as a modality or router would hand them to Orthanc.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";

export type Encoding = "explicit" | "rle" | "jpegls";
export const TRANSFER_SYNTAX: Record<Encoding, string> = { explicit: "1.2.840.10008.1.2.1", rle: "1.2.840.10008.1.2.5", jpegls: "1.2.840.10008.1.2.4.80" };

export type FixtureStudy = { studyInstanceUid: string; files: Uint8Array[] };

/** Today in DICOM form (YYYYMMDD), in this machine's local time like a modality's clock. */
export function dicomToday(offsetDays = 0): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, "0")}${String(d.getDate()).padStart(2, "0")}`;
}

export function makePacsStudy(o: { patientId: string; accessionNumber: string; studyDate: string; studyTime?: string; modality?: "DX" | "CR"; encodings?: Encoding[] }): FixtureStudy {
  const base = makeStudyDicom({ patientId: o.patientId, accessionNumber: o.accessionNumber, studyDate: o.studyDate });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxr-pacs-fixture-"));
  try {
    const files = (o.encodings ?? ["explicit"]).map((enc, i) => {
      const src = path.join(dir, `${i}.dcm`);
      fs.writeFileSync(src, base.bytes);
      // A new SOP Instance UID per instance (meta header kept in step), the same study and series.
      const edits = ["-nb", "-gin", "-i", `(0008,0030)=${o.studyTime ?? "101500"}`, "-i", `(0020,0013)=${i + 1}`];
      if (o.modality) edits.push("-m", `(0008,0060)=${o.modality}`);
      execFileSync("dcmodify", [...edits, src], { stdio: "pipe" });
      if (enc === "explicit") return new Uint8Array(fs.readFileSync(src));
      const out = path.join(dir, `${i}-${enc}.dcm`);
      execFileSync(enc === "rle" ? "dcmcrle" : "dcmcjpls", [src, out], { stdio: "pipe" });
      return new Uint8Array(fs.readFileSync(out));
    });
    return { studyInstanceUid: base.uids.study, files };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
