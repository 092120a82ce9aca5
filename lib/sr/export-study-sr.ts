import { db } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { loadReportInputOrThrow } from "@/lib/sr/load-report-input";
import { writeMeasurementReport } from "@/lib/sr/write-measurement-report";

export type StudySr = { bytes: Uint8Array; filename: string; sopInstanceUid: string; boxes: number };

// A signed-off study's findings as a DICOM SR, for the PACS. The download is audited; the file name carries no PHI.
export async function exportStudySr(actor: Actor, studyId: string): Promise<StudySr> {
  const { input, reviewId, pseudonym } = await loadReportInputOrThrow(studyId);
  const bytes = writeMeasurementReport(input);
  await recordAudit(db, {
    actor,
    action: "study.sr_downloaded",
    targetType: "study",
    targetId: studyId,
    details: { reviewId, boxes: input.boxes.length, sopInstanceUid: input.sr.sopInstanceUid, bytes: bytes.length },
  });
  return { bytes, filename: `${pseudonym}-sr.dcm`, sopInstanceUid: input.sr.sopInstanceUid, boxes: input.boxes.length };
}
