import type { ModelVersion } from "@/generated/prisma/client";
import { db } from "@/lib/db";

export type ModelVersionDto = {
  id: string;
  name: string;
  version: string;
  sha256: string;
  sizeBytes: number;
  classes: string[];
  inputSize: number;
  stage: string;
  canaryShare: number;
  shadow: boolean;
  thresholds: unknown;
  modelCard: unknown;
  createdAt: string;
};

export function toModelVersionDto(v: ModelVersion): ModelVersionDto {
  return {
    id: v.id,
    name: v.name,
    version: v.version,
    sha256: v.sha256,
    sizeBytes: v.sizeBytes,
    classes: v.classes as string[],
    inputSize: v.inputSize,
    stage: v.stage,
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
