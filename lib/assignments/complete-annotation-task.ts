import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AssignmentDto } from "@/lib/schemas/assignment";
import type { ReviewDto } from "@/lib/schemas/review";
import { loadReviewContext } from "@/lib/reviews/review-context";
import { loadReviewDtoOrThrow } from "@/lib/reviews/review-dto";
import { bumpVersionOrThrow } from "@/lib/reviews/review-lock";
import type { Reader } from "@/lib/reviews/review-purpose";
import { createReview, reviewKey } from "@/lib/reviews/start-review";
import { assignmentInclude, toAssignmentDto } from "@/lib/assignments/assignment-dto";

// "Complete task": the annotator's annotation review is locked as completed (at the version they last saw, so a
// stale tab gets 409) and the task is done. Labels and revisions stay as they are: history is never rewritten.
// A task finished without changes still gets a (label-less) completed review: "looked at, nothing to correct".
export async function completeAnnotationTask(
  caller: Reader,
  assignmentId: string,
  body: { version: number },
): Promise<{ assignment: AssignmentDto; review: ReviewDto }> {
  return db.$transaction(async (tx) => {
    const a = await tx.assignment.findUnique({ where: { id: assignmentId } });
    if (!a || a.assigneeId !== caller.id) throw new AppError("not_found", "No such task.");
    if (a.kind !== "annotate") throw new AppError("unprocessable", "A double read is completed by signing the read off.");
    if (a.status !== "open") throw new AppError("conflict", "This task is already done.", { status: a.status });
    const ctx = await loadReviewContext(tx, a.studyId);
    const existing = await tx.review.findUnique({ where: reviewKey(a.studyId, caller, "annotation"), select: { id: true } });
    let reviewId: string;
    if (existing) {
      await bumpVersionOrThrow(tx, existing.id, body.version, { status: "completed" });
      reviewId = existing.id;
    } else {
      if (body.version !== 0)
        throw new AppError("conflict", "You have no annotation of this study yet; complete with version 0.", {
          currentVersion: 0,
          status: null,
        });
      reviewId = (await createReview(tx, caller, ctx, "annotation")).id;
      await tx.review.update({ where: { id: reviewId }, data: { status: "completed", version: { increment: 1 } } });
    }
    const done = await tx.assignment.updateMany({ where: { id: a.id, status: "open" }, data: { status: "done", completedAt: new Date() } });
    if (done.count !== 1) throw new AppError("conflict", "This task is already done.");
    const labels = await tx.label.count({ where: { reviewId } });
    await recordAudit(tx, {
      actor: caller,
      action: "assignment.completed",
      targetType: "assignment",
      targetId: a.id,
      details: { studyId: a.studyId, reviewId, labels, reason: a.reason },
    });
    const row = await tx.assignment.findUniqueOrThrow({ where: { id: a.id }, include: assignmentInclude });
    return { assignment: toAssignmentDto(row), review: await loadReviewDtoOrThrow(tx, reviewId) };
  });
}
