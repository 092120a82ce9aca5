import { loadGspsInput } from "@/lib/gsps/load-gsps-input";
import { GSPS_SOP_CLASS, writePresentationState } from "@/lib/gsps/write-presentation-state";
import { buildKeyImages } from "@/lib/keyimage/build-key-images";
import { SECONDARY_CAPTURE_SOP_CLASS } from "@/lib/dicom/write-secondary-capture";
import { loadReportInputOrThrow } from "@/lib/sr/load-report-input";
import { COMPREHENSIVE_SR_SOP_CLASS, writeMeasurementReport } from "@/lib/sr/write-measurement-report";
import type { ResultObject } from "@/lib/pacs/push/push-target";

// What goes back to the PACS for a signed-off study: the TID 1500 SR, and a GSPS when there are boxes to draw;
// optionally (PACS_PUSH_KEY_IMAGE) a secondary-capture key image per annotated image with the boxes burned in.
export async function buildResultObjects(
  studyId: string,
  o: { keyImage?: boolean } = {},
): Promise<{ reviewId: string; objects: ResultObject[] }> {
  const { input, reviewId } = await loadReportInputOrThrow(studyId);
  const objects: ResultObject[] = [
    { kind: "sr", sopClassUid: COMPREHENSIVE_SR_SOP_CLASS, sopInstanceUid: input.sr.sopInstanceUid, bytes: writeMeasurementReport(input) },
  ];
  const gsps = await loadGspsInput(input, reviewId);
  if (gsps)
    objects.push({
      kind: "gsps",
      sopClassUid: GSPS_SOP_CLASS,
      sopInstanceUid: gsps.gsps.sopInstanceUid,
      bytes: writePresentationState(gsps),
    });
  if (o.keyImage)
    for (const k of await buildKeyImages(input, reviewId)) objects.push({ kind: "sc", sopClassUid: SECONDARY_CAPTURE_SOP_CLASS, ...k });
  return { reviewId, objects };
}
