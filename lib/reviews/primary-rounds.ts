import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";

type Client = Pick<Prisma.TransactionClient, "review">;

// A study's primary read is signed off once per round: round 0 is the first read, and only an explicit amendment
// (lib/reviews/amend-review.ts) opens round k+1, starting from the labels signed off in round k. So no read that did
// not start from the signed-off labels (an empty one, or one opened before that sign-off) can sign off over them, and
// the latest primary sign-off is always the latest amendment (the final-read rule, lib/reviews/final-read.ts).

export type SignedOffPrimary = {
  id: string;
  round: number;
  readerId: string;
  readerName: string;
  signedOffAt: Date;
  impression: string | null;
  comment: string | null;
};

/** The study's current signed-off primary read: the one of the highest round (null when none is signed off). */
export async function findSignedOffPrimary(client: Client, studyId: string): Promise<SignedOffPrimary | null> {
  const r = await client.review.findFirst({
    where: { studyId, purpose: "primary", status: "signed_off" },
    orderBy: [{ round: "desc" }, { signedOffAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      round: true,
      readerId: true,
      signedOffAt: true,
      impression: true,
      comment: true,
      reader: { select: { name: true } },
    },
  });
  if (!r?.signedOffAt) return null;
  return {
    id: r.id,
    round: r.round,
    readerId: r.readerId,
    readerName: r.reader.name,
    signedOffAt: r.signedOffAt,
    impression: r.impression,
    comment: r.comment,
  };
}

const amendHint = (p: SignedOffPrimary) =>
  `This study's primary read was signed off by ${p.readerName} at ${p.signedOffAt.toISOString()}; to change it, amend it (POST …/review/amend), which starts from its labels.`;

/** A new primary read starts only while none is signed off; after that, only an amendment may. */
export async function assertNoSignedOffPrimary(client: Client, studyId: string): Promise<void> {
  const p = await findSignedOffPrimary(client, studyId);
  if (p) throw new AppError("conflict", amendHint(p), { signedOffReviewId: p.id, round: p.round });
}

/** A primary read of round k signs off only while no other read of round k or later is signed off. */
export async function assertNotSuperseded(client: Client, review: { id: string; studyId: string; round: number }): Promise<void> {
  const p = await findSignedOffPrimary(client, review.studyId);
  if (p && p.id !== review.id && p.round >= review.round)
    throw new AppError("conflict", amendHint(p), { signedOffReviewId: p.id, round: p.round });
}
