import type { Job, ModelVersion, TrainingRun } from "@/generated/prisma/client";
import type { TrainingMetrics, TrainingParams, TrainingRunDto } from "@/lib/schemas/training";

export function toTrainingRunDto(r: TrainingRun, job: Pick<Job, "progress" | "message"> | null, model: Pick<ModelVersion, "id" | "name" | "version" | "stage"> | null): TrainingRunDto {
  return {
    id: r.id,
    exportId: r.exportId,
    params: r.params as TrainingParams,
    status: r.status,
    progress: r.status === "succeeded" ? 1 : (job?.progress ?? 0),
    progressMessage: job?.message ?? null,
    model: model ? { id: model.id, name: model.name, version: model.version, stage: model.stage } : null,
    metrics: (r.metrics as TrainingMetrics | null) ?? null,
    log: r.log,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}
