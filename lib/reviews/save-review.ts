import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ReviewOperation, ReviewPurpose, SaveReviewBody, SaveReviewResult } from "@/lib/schemas/review";
import { applyOperations, type OperationResult } from "@/lib/reviews/apply-operations";
import { loadReviewContext } from "@/lib/reviews/review-context";
import { loadReviewDtoOrThrow } from "@/lib/reviews/review-dto";
import { bumpVersionOrThrow, isUniqueViolation, reviewConflict } from "@/lib/reviews/review-lock";
import { resolvePurpose, type Reader } from "@/lib/reviews/review-purpose";
import { assertStartable, createReview, findReviewId, reviewKey } from "@/lib/reviews/start-review";

// One autosave: lock on the version the client saw (0 = "I saw no review yet": the review is created lazily),
// apply every operation in order, bump the version once. All or nothing: any failure leaves no write behind.
export async function saveReview(
  reader: Reader,
  studyId: string,
  body: SaveReviewBody,
  requested?: ReviewPurpose,
): Promise<SaveReviewResult> {
  const purpose = resolvePurpose(reader.role, requested);
  const key = reviewKey(studyId, reader, purpose);
  const fields = { impression: body.impression, comment: body.comment };
  try {
    return await db.$transaction(async (tx) => {
      const ctx = await loadReviewContext(tx, studyId);
      const existing = await findReviewId(tx, studyId, reader, purpose);
      let reviewId: string;
      let version: number;
      if (existing) {
        version = await bumpVersionOrThrow(tx, existing, body.version, { ...fields, modelVersionId: ctx.modelVersion?.id });
        reviewId = existing;
      } else if (body.version === 0) {
        await assertStartable(tx, studyId, purpose);
        reviewId = (await createReview(tx, reader, ctx, purpose, fields)).id;
        version = 1;
      } else {
        throw new AppError("conflict", "You have no review of this study yet; save with version 0 to start one.", {
          currentVersion: 0,
          status: null,
        });
      }
      const results = await applyOperations(tx, ctx, reviewId, reader.id, body.operations);
      await recordAudit(tx, {
        actor: reader,
        action: "review.saved",
        targetType: "review",
        targetId: reviewId,
        details: {
          studyId,
          version,
          ...countOperations(body.operations, results),
          impression: body.impression,
          commentChanged: body.comment !== undefined,
        },
      });
      return { review: await loadReviewDtoOrThrow(tx, reviewId), results };
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    // Two first saves raced to create the review; the loser sees the winner's version, like any stale save.
    const winner = await db.review.findUnique({ where: key, select: { id: true } });
    throw winner ? await reviewConflict(db, winner.id) : e;
  }
}

function countOperations(ops: ReviewOperation[], results: OperationResult[]) {
  const counts: Record<string, number> = {};
  for (const o of ops) counts[o.op] = (counts[o.op] ?? 0) + 1;
  return {
    operations: counts,
    revisions: results.filter((r) => r.change !== null).length,
    unchanged: results.filter((r) => r.change === null).length,
  };
}
