// Test studies for the PACS: several instances of one synthetic chest study in different transfer syntaxes, made
// with DCMTK (dcmodify, dcmcrle, dcmcjpls), as a modality or router would hand them to Orthanc.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";

export type Encoding = "explicit" | "rle" | "jpegls";
export const TRANSFER_SYNTAX: Record<Encoding, string> = {
  explicit: "1.2.840.10008.1.2.1",
  rle: "1.2.840.10008.1.2.5",
  jpegls: "1.2.840.10008.1.2.4.80",
};

export type FixtureStudy = { studyInstanceUid: string; files: Uint8Array[] };

/** Today in DICOM form (YYYYMMDD), in this machine's local time like a modality's clock. */
export function dicomToday(offsetDays = 0): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, "0")}${String(d.getDate()).padStart(2, "0")}`;
}

export function makePacsStudy(o: {
  patientId: string;
  accessionNumber: string;
  studyDate: string;
  studyTime?: string;
  modality?: "DX" | "CR";
  encodings?: Encoding[];
}): FixtureStudy {
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

/** A real chest radiograph (NIH, from ../shared/data) as a DX DICOM of a new study dated today, made with img2dcm;
 *  the synthetic study when the shared data is absent. */
export function makeChestDxStudy(o: { patientId: string; accessionNumber: string; image?: string }): FixtureStudy & { real: boolean } {
  const dir = "../shared/data/cxr-mass-nodule/images";
  const image =
    o.image ??
    (fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith(".jpg"))
          .sort()[0]
      : undefined);
  if (!image)
    return {
      ...makePacsStudy({ patientId: o.patientId, accessionNumber: o.accessionNumber, studyDate: dicomToday(), modality: "DX" }),
      real: false,
    };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cxr-pacs-fixture-"));
  try {
    const out = path.join(tmp, "chest.dcm");
    const now = new Date();
    const time = `${String(now.getHours()).padStart(2, "0")}${String(now.getMinutes()).padStart(2, "0")}00`;
    const keys = [
      `0010,0020=${o.patientId}`,
      `0008,0050=${o.accessionNumber}`,
      `0008,0060=DX`,
      `0008,0020=${dicomToday()}`,
      `0008,0030=${time}`,
      `0008,1030=Chest PA`,
    ];
    execFileSync("img2dcm", [...keys.flatMap((k) => ["-k", k]), path.join(dir, image), out], { stdio: "pipe" });
    const bytes = new Uint8Array(fs.readFileSync(out));
    const uid = execFileSync("dcmdump", ["+P", "0020,000d", "-s", out])
      .toString()
      .match(/\[([0-9.]+)\]/)?.[1];
    return { studyInstanceUid: uid!, files: [bytes], real: true };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
