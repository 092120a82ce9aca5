import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ReviewDto, ReviewPurpose, SignOffReviewBody } from "@/lib/schemas/review";
import { loadReviewContext } from "@/lib/reviews/review-context";
import { loadReviewDtoOrThrow } from "@/lib/reviews/review-dto";
import { bumpVersionOrThrow } from "@/lib/reviews/review-lock";
import { canSignOff, resolvePurpose, type Reader } from "@/lib/reviews/review-purpose";
import { findReviewId } from "@/lib/reviews/start-review";
import { assertNotSuperseded } from "@/lib/reviews/primary-rounds";
import { enqueueAutoAssign } from "@/lib/jobs/auto-assign-request";
import { enqueueCanaryCheck } from "@/lib/performance/canary-job";
import { enqueueResultPushes } from "@/lib/pacs/push/push-job";

// Locks the review for good (later saves get a conflict). A primary read also signs the study off; a double read
// completes the reader's double-read task; either queues the automatic annotation-task run.
export async function signOffReview(
  reader: Reader,
  studyId: string,
  body: SignOffReviewBody,
  requested?: ReviewPurpose,
): Promise<ReviewDto> {
  const purpose = resolvePurpose(reader.role, requested);
  if (reader.role === "annotator" || !canSignOff(purpose)) throw new AppError("forbidden", "Annotation reviews are not signed off.");
  return db.$transaction(async (tx) => {
    const ctx = await loadReviewContext(tx, studyId);
    const reviewId = await findReviewId(tx, studyId, reader, purpose);
    const review = reviewId
      ? await tx.review.findUniqueOrThrow({ where: { id: reviewId }, select: { id: true, studyId: true, round: true } })
      : null;
    if (!review) throw new AppError("not_found", "You have no review of this study to sign off; start one first.");
    if (purpose === "primary") {
      // The study row first: concurrent primary sign-offs of one study queue on it (PostgreSQL's row lock; SQLite's
      // BEGIN IMMEDIATE serialises writers anyway), so the check below sees a sign-off that committed while this one
      // waited, instead of both passing it in the same instant.
      await tx.study.update({ where: { id: ctx.studyId }, data: { status: "signed_off" } });
      await assertNotSuperseded(tx, review); // another read was signed off since this one started
    }
    const version = await bumpVersionOrThrow(tx, review.id, body.version, {
      status: "signed_off",
      signedOffAt: new Date(),
      impression: body.impression,
      comment: body.comment,
    });
    const boxes = await tx.label.count({ where: { reviewId: review.id, rejected: false, deleted: false } });
    if (body.impression === "no_finding" && boxes > 0)
      throw new AppError(
        "unprocessable",
        `The impression is "no finding" but ${boxes} box(es) are accepted or added; reject or delete them, or sign off as abnormal.`,
        { boxes },
      );
    // Signing a double read off is how that task is done; a signed read may reveal work for annotators.
    if (purpose === "double_read")
      await tx.assignment.updateMany({
        where: { studyId, assigneeId: reader.id, kind: "double_read", status: "open" },
        data: { status: "done", completedAt: new Date() },
      });
    if (purpose === "primary" || purpose === "double_read") await enqueueAutoAssign({}, tx);
    await enqueueCanaryCheck(tx); // a new verdict may decide a canary (no-op without one)
    // The final read (primary or consensus) goes back to every PACS that receives results: SR + GSPS, retried.
    if (purpose === "primary" || purpose === "consensus")
      await enqueueResultPushes({ studyId: ctx.studyId, trigger: "sign_off", requestedById: reader.id }, tx);
    await recordAudit(tx, {
      actor: reader,
      action: "review.signed_off",
      targetType: "review",
      targetId: review.id,
      details: { studyId, purpose, version, impression: body.impression, boxes },
    });
    return loadReviewDtoOrThrow(tx, review.id);
  });
}
