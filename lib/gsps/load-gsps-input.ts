import { db } from "@/lib/db";
import { uidFromSeed } from "@/lib/dicom/derived-uid";
import type { GspsImage, GspsInput } from "@/lib/gsps/write-presentation-state";
import type { SrInput } from "@/lib/sr/write-measurement-report";

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

// The SR's study, boxes and images plus what a presentation state needs of each image (size, VOI, Modality LUT).
// UIDs are derived from the signed-off review, like the SR's: pushing twice stores the same object once.
export async function loadGspsInput(report: SrInput, reviewId: string): Promise<GspsInput | null> {
  if (report.boxes.length === 0) return null; // nothing to draw: the SR alone says "no boxes"
  const rows = await db.instance.findMany({ where: { sopInstanceUid: { in: report.images.map((i) => i.sopInstanceUid) } } });
  const byUid = new Map(rows.map((r) => [r.sopInstanceUid, r]));
  const images: GspsImage[] = report.images.map((img) => {
    const r = byUid.get(img.sopInstanceUid)!;
    const tags = (r.tags ?? {}) as Record<string, unknown>;
    const [slope, intercept] = [num(tags.RescaleSlope) ?? 1, num(tags.RescaleIntercept) ?? 0];
    const full = 2 ** r.bitsStored; // no VOI in the file: the whole stored range
    return {
      ...img,
      rows: r.rows,
      columns: r.columns,
      photometric: r.photometric,
      window: { center: r.windowCenter ?? full / 2, width: r.windowWidth ?? full },
      ...(slope !== 1 || intercept !== 0 ? { rescale: { slope, intercept } } : {}),
    };
  });
  const signed = report.signedOffAt.toISOString();
  return {
    study: report.study,
    gsps: {
      seriesInstanceUid: uidFromSeed(`gsps-series:${reviewId}`),
      sopInstanceUid: uidFromSeed(`gsps:${reviewId}:${signed}`),
      contentDateTime: report.signedOffAt,
    },
    creator: report.reader,
    images,
    boxes: report.boxes.map((b) => ({ className: b.className, box: b.box, sopInstanceUid: b.image.sopInstanceUid, source: b.source })),
  };
}
