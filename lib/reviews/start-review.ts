import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ReviewDto, ReviewPurpose } from "@/lib/schemas/review";
import { loadReviewContext, type ReviewContext } from "@/lib/reviews/review-context";
import { loadReviewDtoOrThrow } from "@/lib/reviews/review-dto";
import { isUniqueViolation } from "@/lib/reviews/review-lock";
import { resolvePurpose, type Reader } from "@/lib/reviews/review-purpose";
import { assertNoSignedOffPrimary } from "@/lib/reviews/primary-rounds";

type Tx = Prisma.TransactionClient;

export const reviewKey = (studyId: string, reader: Reader, purpose: ReviewPurpose, round = 0) => ({
  studyId_readerId_purpose_round: { studyId, readerId: reader.id, purpose, round },
});

// The review a reader works on: their own (of the latest round: an amendment they opened), except the consensus, one
// per study, which any admin may adjust and confirm (each revision names its author).
export async function findReviewId(
  client: Pick<Tx, "review">,
  studyId: string,
  reader: Reader,
  purpose: ReviewPurpose,
): Promise<string | null> {
  const r =
    purpose === "consensus"
      ? await client.review.findFirst({ where: { studyId, purpose }, orderBy: [{ startedAt: "asc" }, { id: "asc" }], select: { id: true } })
      : await client.review.findFirst({
          where: { studyId, readerId: reader.id, purpose },
          orderBy: { round: "desc" },
          select: { id: true },
        });
  return r?.id ?? null;
}

// A consensus starts only from the fused double reads (lib/double-reading/create-consensus.ts), never empty; a primary
// read only while none is signed off (after that, by amending it: lib/reviews/amend-review.ts).
export async function assertStartable(client: Pick<Tx, "review">, studyId: string, purpose: ReviewPurpose): Promise<void> {
  if (purpose === "consensus")
    throw new AppError(
      "unprocessable",
      "This study has no consensus yet: it is made by fusing its two signed-off double reads (Agreement → Fuse boxes).",
    );
  if (purpose === "primary") await assertNoSignedOffPrimary(client, studyId);
}

// A new review starts at version 1. A primary read moves a new or predicted study to in_review. Audited.
type StartFields = { impression?: string | null; comment?: string | null; round?: number; amendsId?: string };
export async function createReview(tx: Tx, reader: Reader, ctx: ReviewContext, purpose: ReviewPurpose, fields: StartFields = {}) {
  const review = await tx.review.create({
    data: {
      studyId: ctx.studyId,
      readerId: reader.id,
      role: reader.role,
      purpose,
      modelVersionId: ctx.modelVersion?.id ?? null,
      ...fields,
    },
  });
  if (purpose === "primary")
    await tx.study.updateMany({
      where: { id: ctx.studyId, status: { in: ["new", "prediction_failed", "predicted"] } },
      data: { status: "in_review" },
    });
  await recordAudit(tx, {
    actor: reader,
    action: "review.started",
    targetType: "review",
    targetId: review.id,
    details: { studyId: ctx.studyId, purpose },
  });
  return review;
}

// Idempotent: returns the reader's existing review of this study and purpose, or starts one.
export async function startReview(
  reader: Reader,
  studyId: string,
  requested?: ReviewPurpose,
): Promise<{ review: ReviewDto; created: boolean }> {
  const purpose = resolvePurpose(reader.role, requested);
  try {
    const { id, created } = await db.$transaction(async (tx) => {
      const ctx = await loadReviewContext(tx, studyId);
      const existing = await findReviewId(tx, studyId, reader, purpose);
      if (existing) return { id: existing, created: false };
      await assertStartable(tx, studyId, purpose);
      return { id: (await createReview(tx, reader, ctx, purpose)).id, created: true };
    });
    return { review: await loadReviewDtoOrThrow(db, id), created };
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const winner = await db.review.findUniqueOrThrow({ where: reviewKey(studyId, reader, purpose), select: { id: true } }); // a parallel start won
    return { review: await loadReviewDtoOrThrow(db, winner.id), created: false };
  }
}
