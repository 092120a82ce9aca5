import type { Export, Job } from "@/generated/prisma/client";
import type { ExportDto, ExportFilters, ExportFormat, ExportSummary } from "@/lib/schemas/export";

// The stored summary also holds the pseudonym → instance mapping; it never leaves the app through the API.
export function toExportDto(e: Export, job: Pick<Job, "progress" | "message" | "state"> | null): ExportDto {
  const stored = e.summary as (ExportSummary & { mapping?: unknown }) | null;
  const summary: ExportSummary | null = stored
    ? { classes: stored.classes, reviews: stored.reviews, splits: stored.splits, ...(stored.heldOut && { heldOut: stored.heldOut }) }
    : null;
  return {
    id: e.id,
    format: e.format as ExportFormat,
    filters: e.filters as ExportFilters,
    split: e.split as { valFraction: number; seed: number },
    status: e.status,
    imageCount: e.imageCount,
    boxCount: e.boxCount,
    sizeBytes: e.sizeBytes,
    summary,
    error: e.error,
    progress: e.status === "succeeded" ? 1 : (job?.progress ?? 0),
    progressMessage: job?.message ?? null,
    createdAt: e.createdAt.toISOString(),
    finishedAt: e.finishedAt?.toISOString() ?? null,
    downloadUrl: e.status === "succeeded" && e.storageKey ? `/api/v1/exports/${e.id}/download` : null,
  };
}
