import type { Prisma } from "@/generated/prisma/client";
import { EXPORT_PURPOSES, type ExportFilters, type ExportPurpose } from "@/lib/schemas/export";

// Which reviews a dataset draws on: finished ones — signed off, or a completed annotation task (annotations are
// completed, never signed off) — optionally in-progress too, of the chosen purposes, in the date range (sign-off
// time; last save for completed and in-progress reviews), by the version the reader saw and by reader.
export function reviewWhere(f: ExportFilters): Prisma.ReviewWhereInput {
  const range = f.from || f.to ? { ...(f.from ? { gte: new Date(f.from) } : {}), ...(f.to ? { lt: new Date(f.to) } : {}) } : undefined;
  const statuses = f.includeInProgress ? ["signed_off", "completed", "in_progress"] : ["signed_off", "completed"];
  return {
    status: { in: statuses },
    purpose: { in: [...(f.purposes ?? EXPORT_PURPOSES)] },
    ...(f.modelVersionId ? { modelVersionId: f.modelVersionId } : {}),
    ...(f.readerId ? { readerId: f.readerId } : {}),
    ...(range
      ? { OR: [{ status: "signed_off", signedOffAt: range }, { status: "completed", updatedAt: range }, ...(f.includeInProgress ? [{ status: "in_progress", updatedAt: range }] : [])] }
      : {}),
  };
}

// A study read several times contributes one review: consensus first (the fused training label), then an
// annotator's correction, then the primary read, then a double read; ties go to the latest.
const PRECEDENCE: Record<ExportPurpose, number> = { consensus: 0, annotation: 1, primary: 2, double_read: 3 };

export type ReviewCandidate = { id: string; studyId: string; purpose: string; signedOffAt: Date | null; updatedAt: Date };

export function pickReviewPerStudy<T extends ReviewCandidate>(reviews: T[]): T[] {
  const best = new Map<string, T>();
  const rank = (r: T) => PRECEDENCE[r.purpose as ExportPurpose] ?? 9;
  const when = (r: T) => (r.signedOffAt ?? r.updatedAt).getTime();
  for (const r of reviews) {
    const cur = best.get(r.studyId);
    if (!cur || rank(r) < rank(cur) || (rank(r) === rank(cur) && when(r) > when(cur))) best.set(r.studyId, r);
  }
  return [...best.values()];
}
