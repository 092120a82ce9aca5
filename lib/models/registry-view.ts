import type { Evaluation, ModelStageChange } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { toModelVersionDto, type ModelVersionDto } from "@/lib/models/list-models";
import { optimizationOf, type OptimizationDto } from "@/lib/models/optimization-view";

export type EvaluationDto = {
  id: string;
  status: string;
  datasetDescription: string;
  imageCount: number;
  map50: number | null;
  map40: number | null;
  perClassAp: Record<string, { ap50: number | null; ap40: number | null; gt: number }> | null;
  fpPerImage: number | null;
  latencyP50Ms: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
};
export type StageChangeDto = { id: string; from: string; to: string; reason: string | null; automatic: boolean; at: string };
// optimization: for an INT8 version, its comparison with the float version it came from (null otherwise).
export type RegistryEntryDto = ModelVersionDto & { evaluation: EvaluationDto | null; stageHistory: StageChangeDto[]; optimization: OptimizationDto | null };
export type AutomaticRollbackDto = StageChangeDto & { modelVersionId: string; name: string; version: string };

export const toEvaluationDto = (e: Evaluation): EvaluationDto => ({
  id: e.id,
  status: e.status,
  datasetDescription: e.datasetDescription,
  imageCount: e.imageCount,
  map50: e.map50,
  map40: e.map40,
  perClassAp: (e.perClassAp as EvaluationDto["perClassAp"]) ?? null,
  fpPerImage: e.fpPerImage,
  latencyP50Ms: e.latencyP50Ms,
  error: e.error,
  createdAt: e.createdAt.toISOString(),
  finishedAt: e.finishedAt?.toISOString() ?? null,
});
const toChangeDto = (c: ModelStageChange): StageChangeDto => ({ id: c.id, from: c.fromStage, to: c.toStage, reason: c.reason, automatic: c.automatic, at: c.createdAt.toISOString() });

const RECENT_MS = 7 * 86_400_000;

// The admin's registry: every version with its latest evaluation and stage history, and recent automatic rollbacks.
export async function getRegistryView(): Promise<{ models: RegistryEntryDto[]; automaticRollbacks: AutomaticRollbackDto[] }> {
  const versions = await db.modelVersion.findMany({
    orderBy: { createdAt: "desc" },
    include: { evaluations: { orderBy: { createdAt: "desc" }, take: 1 }, stageChanges: { orderBy: { createdAt: "desc" }, take: 20 } },
  });
  const rollbacks = await db.modelStageChange.findMany({
    where: { automatic: true, fromStage: "canary", createdAt: { gte: new Date(Date.now() - RECENT_MS) } },
    orderBy: { createdAt: "desc" },
    take: 5,
    include: { modelVersion: { select: { name: true, version: true } } },
  });
  const siblings = versions.map((v) => ({ id: v.id, sha256: v.sha256, evaluation: v.evaluations[0] ?? null }));
  return {
    models: versions.map((v) => ({
      ...toModelVersionDto(v),
      evaluation: v.evaluations[0] ? toEvaluationDto(v.evaluations[0]) : null,
      stageHistory: v.stageChanges.map(toChangeDto),
      optimization: optimizationOf(v.modelCard, v.evaluations[0] ?? null, siblings),
    })),
    automaticRollbacks: rollbacks.map((c) => ({ ...toChangeDto(c), modelVersionId: c.modelVersionId, name: c.modelVersion.name, version: c.modelVersion.version })),
  };
}
