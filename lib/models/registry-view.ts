import type { Evaluation, ModelStageChange } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { toModelVersionDto } from "@/lib/models/list-models";
import type { EvaluationDto, RegistryView, StageChangeDto } from "@/lib/schemas/model-registry";
import { optimizationOf } from "@/lib/models/optimization-view";


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
export async function getRegistryView(): Promise<RegistryView> {
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
