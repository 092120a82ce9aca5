import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/job-queue";
import { defineJob } from "@/lib/jobs/job-registry";
import { exportIdOfCard, optimizeVersion, usableExportOrThrow } from "@/lib/models/optimize-version";
import type { optimizeBodySchema } from "@/lib/schemas/model";
import { trainingWorkerStatus } from "@/lib/training/worker-install";

export const MODEL_OPTIMIZE = "model.optimize";
const payloadSchema = z.object({ versionId: z.string().min(1).max(64), exportId: z.string().min(1).max(64), requestedById: z.string().max(64).nullable() });

// An INT8 calibration takes minutes: it runs with the training family, never in the way of predictions.
export const modelOptimizeJob = defineJob(MODEL_OPTIMIZE, { schema: payloadSchema, family: "training", run: (p, ctx) => optimizeVersion(p, ctx) });

// Queues `cxr-train optimize` for a version (admin, audited): calibration on the given export, else the export the
// version was trained on (its card says which). Not retried: a failure keeps its reason on the job.
export async function requestOptimization(actor: Actor, versionId: string, body: z.infer<typeof optimizeBodySchema>): Promise<{ jobId: string; exportId: string }> {
  const worker = trainingWorkerStatus();
  if (!worker.installed) throw new AppError("unavailable", worker.reason!);
  const version = await db.modelVersion.findUnique({ where: { id: versionId } });
  if (!version) throw new AppError("not_found", "No such model version.");
  if ((version.modelCard as { optimization?: unknown }).optimization) throw new AppError("unprocessable", `${version.name} ${version.version} is already an optimized version.`);
  const exportId = body.exportId ?? exportIdOfCard(version.modelCard);
  if (!exportId) throw new AppError("unprocessable", `${version.name} ${version.version} records no export it was trained on: choose an export (exportId) to calibrate on.`);
  await usableExportOrThrow(exportId);
  return db.$transaction(async (tx) => {
    const job = await enqueueJob(MODEL_OPTIMIZE, { versionId, exportId, requestedById: actor.id }, { client: tx, maxAttempts: 1 });
    await recordAudit(tx, { actor, action: "model.optimize_requested", targetType: "model_version", targetId: versionId, details: { exportId, jobId: job.id, method: "int8-static-qdq" } });
    return { jobId: job.id, exportId };
  });
}
