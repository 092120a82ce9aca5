import type { Prisma } from "@/generated/prisma/client";
import { EXPORT_PURPOSES, type ExportFilters } from "@/lib/schemas/export";

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
      ? {
          OR: [
            { status: "signed_off", signedOffAt: range },
            { status: "completed", updatedAt: range },
            ...(f.includeInProgress ? [{ status: "in_progress", updatedAt: range }] : []),
          ],
        }
      : {}),
  };
}
