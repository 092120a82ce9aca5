import { db } from "@/lib/db";

// The newest evaluation of a version that produced figures (queued, failed and no-data ones carry none).
export function latestScoredEvaluation(modelVersionId: string) {
  return db.evaluation.findFirst({ where: { modelVersionId, status: "succeeded" }, orderBy: { createdAt: "desc" } });
}

export function productionVersion() {
  return db.modelVersion.findFirst({ where: { stage: "production" }, orderBy: { stagedAt: "desc" } });
}
