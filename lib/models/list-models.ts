import type { ModelVersion } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { ModelVersionDto } from "@/lib/schemas/model-registry";


export function toModelVersionDto(v: ModelVersion): ModelVersionDto {
  return {
    id: v.id,
    name: v.name,
    version: v.version,
    sha256: v.sha256,
    sizeBytes: v.sizeBytes,
    classes: v.classes as string[],
    inputSize: v.inputSize,
    stage: v.stage as ModelVersionDto["stage"],
    canaryShare: v.canaryShare,
    shadow: v.shadow,
    thresholds: v.thresholds,
    modelCard: v.modelCard,
    createdAt: v.createdAt.toISOString(),
  };
}

export async function listModelVersions(): Promise<ModelVersionDto[]> {
  return (await db.modelVersion.findMany({ orderBy: { createdAt: "desc" } })).map(toModelVersionDto);
}
