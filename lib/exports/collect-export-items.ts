import { boxOfRow } from "@/lib/boxes/convert";
import { db } from "@/lib/db";
import { frameNumbers } from "@/lib/dicom/frames";
import { ID_CHUNK, inChunks } from "@/lib/db-chunks";
import type { ExportItem } from "@/lib/exports/dataset-plan";
import { reviewWhere } from "@/lib/exports/review-selection";
import { pickFinalReadPerStudy } from "@/lib/reviews/final-read";
import { partitionHeldOut } from "@/lib/evaluation/held-out";
import { readEvaluationSettings } from "@/lib/evaluation/evaluation-settings";
import type { ExportFilters, HeldOutSummary } from "@/lib/schemas/export";

export async function countMatchingReviews(filters: ExportFilters): Promise<number> {
  return db.review.count({ where: reviewWhere(filters) });
}

// Every image of each chosen review's study (every frame of a multi-frame image is its own item), with the review's live boxes: not deleted and not rejected (a rejected
// AI suggestion is not an object). An image without boxes is a negative. Studies of held-out evaluation patients
// (the registry's rule, at the `evaluation.heldOutFraction` setting unless given) are left out unless
// `filters.includeHeldOut`; how many is reported.
export async function collectExportItems(
  filters: ExportFilters,
  o: { heldOutFraction?: number } = {},
): Promise<{ items: ExportItem[]; reviews: number; unplacedBoxes: number; heldOut: HeldOutSummary }> {
  const fraction = o.heldOutFraction ?? (await readEvaluationSettings()).heldOutFraction;
  const found = await db.review.findMany({
    where: reviewWhere(filters),
    select: { id: true, studyId: true, purpose: true, signedOffAt: true, updatedAt: true },
  });
  const picked = pickFinalReadPerStudy(found);
  const allStudies = await inChunks(
    picked.map((r) => r.studyId),
    (ids) => db.study.findMany({ where: { id: { in: ids } }, select: { id: true, patientId: true, pseudonym: true } }),
  );
  const { kept, heldOut } = filters.includeHeldOut ? { kept: allStudies, heldOut: [] } : partitionHeldOut(allStudies, fraction);
  const keptIds = new Set(kept.map((s) => s.id));
  const reviews = picked.filter((r) => keptIds.has(r.studyId)).sort((a, b) => (a.studyId < b.studyId ? -1 : 1));
  const studyIds = reviews.map((r) => r.studyId);
  let excludedImages = 0;
  for (let i = 0; i < heldOut.length; i += ID_CHUNK)
    excludedImages += await db.instance.count({ where: { series: { studyId: { in: heldOut.slice(i, i + ID_CHUNK).map((s) => s.id) } } } });
  const instances = await inChunks(studyIds, (ids) =>
    db.instance.findMany({
      where: { series: { studyId: { in: ids } } },
      select: { id: true, rows: true, columns: true, frames: true, storageKey: true, series: { select: { studyId: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  );
  const labels = await inChunks(
    reviews.map((r) => r.id),
    (ids) =>
      db.label.findMany({
        where: { reviewId: { in: ids }, deleted: false, rejected: false },
        select: { reviewId: true, instanceId: true, frame: true, className: true, x1: true, y1: true, x2: true, y2: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      }),
  );
  const patientOf = new Map(kept.map((s) => [s.id, s.patientId?.trim() ? `p:${s.patientId.trim()}` : `s:${s.id}`]));
  const instancesOf = new Map<string, typeof instances>();
  for (const i of instances) instancesOf.set(i.series.studyId, [...(instancesOf.get(i.series.studyId) ?? []), i]);
  const labelsOf = new Map<string, typeof labels>();
  for (const l of labels) labelsOf.set(l.reviewId, [...(labelsOf.get(l.reviewId) ?? []), l]);

  const items: ExportItem[] = [];
  let unplacedBoxes = 0;
  for (const r of reviews) {
    const own = instancesOf.get(r.studyId) ?? [];
    const byFrame = new Map(own.flatMap((i) => frameNumbers(i.frames).map((f) => [`${i.id}#${f}`, [] as ExportItem["boxes"]] as const)));
    for (const l of labelsOf.get(r.id) ?? []) {
      // Rows older than Label.instanceId belong to the study's only image; on a multi-image study they cannot be placed.
      const target = l.instanceId ?? (own.length === 1 ? own[0]!.id : null);
      const list = target ? byFrame.get(`${target}#${l.frame}`) : undefined;
      if (!list) unplacedBoxes++;
      else list.push({ className: l.className, box: boxOfRow(l) });
    }
    for (const i of own)
      for (const frame of frameNumbers(i.frames))
        items.push({
          instanceId: i.id,
          frame,
          frames: i.frames,
          studyId: r.studyId,
          patientKey: patientOf.get(r.studyId)!,
          width: i.columns,
          height: i.rows,
          storageKey: i.storageKey,
          boxes: byFrame.get(`${i.id}#${frame}`)!,
        });
  }
  return {
    items,
    reviews: reviews.length,
    unplacedBoxes,
    heldOut: { fraction, included: filters.includeHeldOut, excludedStudies: heldOut.length, excludedImages },
  };
}
