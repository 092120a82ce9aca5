import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toEvaluationDto } from "@/lib/models/registry-view";

export async function listEvaluations(modelVersionId: string) {
  if (!(await db.modelVersion.findUnique({ where: { id: modelVersionId }, select: { id: true } })))
    throw new AppError("not_found", "No such model version.");
  return (await db.evaluation.findMany({ where: { modelVersionId }, orderBy: { createdAt: "desc" }, take: 50 })).map(toEvaluationDto);
}
