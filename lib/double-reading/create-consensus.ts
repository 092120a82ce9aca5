import { splitImageKey } from "@/lib/dicom/frames";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { DEFAULT_MATCH_IOU } from "@/lib/agreement/iou";
import { weightedBoxesFusion } from "@/lib/agreement/wbf";
import type { ReviewDto } from "@/lib/schemas/review";
import { loadReviewContext } from "@/lib/reviews/review-context";
import { loadReviewDtoOrThrow } from "@/lib/reviews/review-dto";
import type { Reader } from "@/lib/reviews/review-purpose";
import { loadSignedReads } from "@/lib/reviews/signed-reads";
import { createReview } from "@/lib/reviews/start-review";

// Fuses the two signed-off double reads of a study (weighted boxes fusion, same class, IoU > threshold) into a
// consensus review owned by the admin, who then adjusts it in the viewer (purpose=consensus) and signs it off as
// the training label. Each fused box is a label whose first revision is change "consensus"; which reader labels it
// came from and its fusion score are kept in the audit event (the Label table has no column for them).
export async function createConsensus(admin: Reader, studyId: string, o: { iouThreshold?: number } = {}): Promise<ReviewDto> {
  const iouThreshold = o.iouThreshold ?? DEFAULT_MATCH_IOU;
  const id = await db.$transaction(async (tx) => {
    const ctx = await loadReviewContext(tx, studyId);
    const existing = await tx.review.findFirst({ where: { studyId, purpose: "consensus" }, select: { id: true } });
    if (existing)
      throw new AppError("conflict", "This study already has a consensus review; open it to adjust it.", { reviewId: existing.id });
    const assignees = await tx.assignment.findMany({
      where: { studyId, kind: "double_read" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { assigneeId: true },
    });
    const readers = [...new Set(assignees.map((a) => a.assigneeId))].slice(0, 2);
    const reads = (await loadSignedReads(tx, [studyId], ["double_read"])).filter((r) => readers.includes(r.reader.id));
    if (readers.length < 2 || reads.length < 2)
      throw new AppError("conflict", `A consensus needs two signed-off double reads; this study has ${reads.length}.`, {
        readsSignedOff: reads.length,
      });
    reads.sort((x, y) => readers.indexOf(x.reader.id) - readers.indexOf(y.reader.id));

    const fused = weightedBoxesFusion(
      reads.flatMap((r, reader) => r.boxes.map((b) => ({ ...b, reader }))),
      2,
      { iouThreshold },
    );
    const impressions = new Set(reads.map((r) => r.impression));
    const impression = fused.length > 0 ? "abnormal" : impressions.size === 1 ? [...impressions][0]! : null;
    const review = await createReview(tx, admin, ctx, "consensus", { impression });
    const provenance: { labelId: string; score: number; from: string[] }[] = [];
    for (const f of fused) {
      const cols = {
        source: "reader_added",
        className: f.className,
        x1: f.box[0],
        y1: f.box[1],
        x2: f.box[2],
        y2: f.box[3],
        rejected: false,
        rejectReason: null,
        deleted: false,
      };
      const { instanceId, frame } = splitImageKey(f.imageId);
      const label = await tx.label.create({ data: { ...cols, reviewId: review.id, instanceId: instanceId || null, frame, revision: 1 } });
      await tx.labelRevision.create({ data: { ...cols, labelId: label.id, revision: 1, change: "consensus", authorId: admin.id } });
      provenance.push({ labelId: label.id, score: f.score, from: f.members.map((m) => m.id) });
    }
    await recordAudit(tx, {
      actor: admin,
      action: "review.consensus_created",
      targetType: "review",
      targetId: review.id,
      details: {
        studyId,
        iouThreshold,
        sources: reads.map((r) => ({ reviewId: r.reviewId, readerId: r.reader.id, boxes: r.boxes.length })),
        labels: provenance,
      },
    });
    return review.id;
  });
  return loadReviewDtoOrThrow(db, id);
}
