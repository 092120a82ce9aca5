import { boxOfRow } from "@/lib/boxes/convert";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { LabelChange, LabelSource, ReviewHistoryDto } from "@/lib/schemas/review";
import type { Reader } from "@/lib/reviews/review-purpose";

// Every revision of every label, oldest first. Readers see their own reviews, admins all; others get not_found
// (so a double reader cannot peek at the first read, nor learn that it exists).
export async function getReviewHistoryOrThrow(reader: Reader, reviewId: string): Promise<ReviewHistoryDto> {
  const review = await db.review.findUnique({ where: { id: reviewId }, select: { id: true, readerId: true } });
  if (!review || (review.readerId !== reader.id && reader.role !== "admin")) throw new AppError("not_found", "No such review.");
  const rows = await db.labelRevision.findMany({
    where: { label: { reviewId } },
    orderBy: [{ createdAt: "asc" }, { labelId: "asc" }, { revision: "asc" }],
    include: {
      author: { select: { id: true, email: true } },
      label: {
        select: {
          originFindingId: true,
          originFinding: { select: { prediction: { select: { modelVersion: { select: { id: true, name: true, version: true } } } } } },
        },
      },
    },
  });
  return {
    reviewId,
    revisions: rows.map((r) => ({
      labelId: r.labelId,
      revision: r.revision,
      change: r.change as LabelChange,
      source: r.source as LabelSource,
      className: r.className,
      box: boxOfRow(r),
      rejected: r.rejected,
      rejectReason: r.rejectReason,
      deleted: r.deleted,
      author: r.author,
      createdAt: r.createdAt.toISOString(),
      originFindingId: r.label.originFindingId,
      modelVersion: r.label.originFinding?.prediction.modelVersion ?? null,
    })),
  };
}
