import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ReviewDto } from "@/lib/schemas/review";
import { loadReviewContext } from "@/lib/reviews/review-context";
import { loadReviewDtoOrThrow } from "@/lib/reviews/review-dto";
import { isUniqueViolation } from "@/lib/reviews/review-lock";
import { findSignedOffPrimary, type SignedOffPrimary } from "@/lib/reviews/primary-rounds";
import { resolvePurpose, type Reader } from "@/lib/reviews/review-purpose";
import { createReview, reviewKey } from "@/lib/reviews/start-review";

// Amending a signed-off primary read (radiologist or admin, their own or another reader's): a new primary read of the
// next round that starts from the signed-off read's labels, impression and comment — every kept, rejected and added
// box, each copied with an "amend" revision by the amending reader. The signed-off read stays as it was and stays the
// final read (SR, exports) until the amendment is signed off; then the amendment is (lib/reviews/final-read.ts).
// Idempotent: the reader's open amendment of that round is returned as it is.
export async function amendPrimaryRead(reader: Reader, studyId: string): Promise<{ review: ReviewDto; created: boolean }> {
  resolvePurpose(reader.role, "primary"); // annotators do not read
  try {
    const { id, created } = await db.$transaction(async (tx) => {
      const ctx = await loadReviewContext(tx, studyId);
      const signed = await findSignedOffPrimary(tx, studyId);
      if (!signed) throw new AppError("conflict", "This study has no signed-off primary read to amend; read it instead.");
      const round = signed.round + 1;
      const open = await tx.review.findUnique({ where: reviewKey(studyId, reader, "primary", round), select: { id: true } });
      if (open) return { id: open.id, created: false };
      const review = await createReview(tx, reader, ctx, "primary", {
        impression: signed.impression,
        comment: signed.comment,
        round,
        amendsId: signed.id,
      });
      const labels = await copyLabels(tx, signed, review.id, reader);
      await recordAudit(tx, {
        actor: reader,
        action: "review.amendment_started",
        targetType: "review",
        targetId: review.id,
        details: { studyId, amends: signed.id, amendedReaderId: signed.readerId, round, labels },
      });
      return { id: review.id, created: true };
    });
    return { review: await loadReviewDtoOrThrow(db, id), created };
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    // A parallel amend by the same reader won; return theirs (the round is the one just signed off, plus one).
    const signed = await findSignedOffPrimary(db, studyId);
    const winner =
      signed && (await db.review.findUnique({ where: reviewKey(studyId, reader, "primary", signed.round + 1), select: { id: true } }));
    if (!winner) throw e;
    return { review: await loadReviewDtoOrThrow(db, winner.id), created: false };
  }
}

type Tx = Prisma.TransactionClient;

// Every label of the signed-off read, deleted ones left out (they are not part of what was signed off).
async function copyLabels(tx: Tx, signed: SignedOffPrimary, reviewId: string, reader: Reader): Promise<number> {
  const labels = await tx.label.findMany({
    where: { reviewId: signed.id, deleted: false },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  for (const l of labels) {
    const cols = {
      source: l.source,
      className: l.className,
      x1: l.x1,
      y1: l.y1,
      x2: l.x2,
      y2: l.y2,
      rejected: l.rejected,
      rejectReason: l.rejectReason,
      deleted: false,
    };
    const copy = await tx.label.create({
      data: { ...cols, reviewId, instanceId: l.instanceId, frame: l.frame, originFindingId: l.originFindingId, revision: 1 },
    });
    await tx.labelRevision.create({ data: { ...cols, labelId: copy.id, revision: 1, change: "amend", authorId: reader.id } });
  }
  return labels.length;
}

/** What GET …/review offers: the signed-off primary read, when the caller can only change it by amending it. */
export async function amendableFor(reader: Reader, studyId: string, mine: { status: string; round: number } | null) {
  if (reader.role === "annotator") return null;
  const signed = await findSignedOffPrimary(db, studyId);
  if (!signed || (mine && mine.status === "in_progress" && mine.round > signed.round)) return null;
  return { reviewId: signed.id, readerName: signed.readerName, signedOffAt: signed.signedOffAt.toISOString(), round: signed.round };
}
