import { boxOfRow } from "@/lib/boxes/convert";
import { db } from "@/lib/db";
import { frameNumbers, imageKey } from "@/lib/dicom/frames";
import { inChunks } from "@/lib/db-chunks";
import type { EvalTruth } from "@/lib/evaluation/score-detections";
import { partitionHeldOut } from "@/lib/evaluation/held-out";
import { pickFinalRead } from "@/lib/reviews/final-read";

export type HeldOutImage = { instanceId: string; frame: number; storageKey: string };
export type HeldOutSet = { studies: number; images: HeldOutImage[]; truth: EvalTruth[]; signedOffStudies: number };

// Ground truth from readers: of each held-out study's signed-off reviews, the final read (lib/reviews/final-read, the
// same rule exports train on); its boxes that are neither deleted nor rejected, on the image Label.instanceId names. Every image of
// the study is evaluated (images without boxes count for false positives). The held-out choice is made on the
// patient keys alone, then only those studies are loaded, in chunks (any number of signed-off studies).
export async function loadHeldOutSet(fraction: number): Promise<HeldOutSet> {
  const signedOff = await db.study.findMany({
    where: { reviews: { some: { status: "signed_off" } } },
    select: { id: true, patientId: true, pseudonym: true },
  });
  const { heldOut } = partitionHeldOut(signedOff, fraction);
  const studies = await inChunks(
    heldOut.map((s) => s.id),
    (ids) =>
      db.study.findMany({
        where: { id: { in: ids } },
        orderBy: { id: "asc" },
        select: {
          series: { select: { instances: { select: { id: true, frames: true, storageKey: true }, orderBy: { createdAt: "asc" } } } },
          reviews: {
            where: { status: "signed_off" },
            orderBy: { signedOffAt: "desc" },
            select: {
              studyId: true,
              purpose: true,
              signedOffAt: true,
              updatedAt: true,
              labels: {
                where: { deleted: false, rejected: false },
                select: { instanceId: true, frame: true, className: true, x1: true, y1: true, x2: true, y2: true },
              },
            },
          },
        },
      }),
  );
  const set: HeldOutSet = { studies: 0, images: [], truth: [], signedOffStudies: signedOff.length };
  for (const s of studies) {
    const images = s.series.flatMap((x) => x.instances);
    if (images.length === 0) continue;
    const review = pickFinalRead(s.reviews)!;
    set.studies++;
    // Every frame of a multi-frame image is its own evaluated image (truth keyed like the detections: lib/dicom/frames).
    set.images.push(
      ...images.flatMap((i) => frameNumbers(i.frames).map((frame) => ({ instanceId: i.id, frame, storageKey: i.storageKey }))),
    );
    for (const l of review.labels) {
      const image = l.instanceId ?? (images.length === 1 ? images[0]!.id : null); // old rows without instanceId
      if (image) set.truth.push({ image: imageKey(image, l.frame), className: l.className, box: boxOfRow(l) });
    }
  }
  return set;
}
