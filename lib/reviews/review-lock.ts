import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";

type Tx = Prisma.TransactionClient;
type LockedFields = Omit<Prisma.ReviewUpdateManyMutationInput, "version">;

export const isUniqueViolation = (e: unknown) => (e as { code?: string } | null)?.code === "P2002";

// The optimistic lock: check-and-increment in one conditional UPDATE, the first write of the transaction. Of two saves
// sending the same version exactly one matches (PostgreSQL re-checks the WHERE after the row lock; SQLite serialises
// writers); the other gets a conflict carrying the current version, and its transaction rolls back.
export async function bumpVersionOrThrow(tx: Tx, reviewId: string, expectedVersion: number, data: LockedFields = {}): Promise<number> {
  const { count } = await tx.review.updateMany({
    where: { id: reviewId, version: expectedVersion, status: "in_progress" },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw await reviewConflict(tx, reviewId);
  return expectedVersion + 1;
}

export async function reviewConflict(client: Pick<Tx, "review">, reviewId: string): Promise<AppError> {
  const r = await client.review.findUnique({ where: { id: reviewId }, select: { version: true, status: true } });
  if (!r) return new AppError("not_found", "No such review.");
  const details = { currentVersion: r.version, status: r.status };
  if (r.status === "signed_off") return new AppError("conflict", "This review is signed off and can no longer be changed.", details);
  if (r.status === "completed") return new AppError("conflict", "This annotation task is completed and can no longer be changed.", details);
  return new AppError(
    "conflict",
    `The review was changed elsewhere (now version ${r.version}); reload it and apply your changes again.`,
    details,
  );
}
