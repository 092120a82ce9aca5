import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { enqueueJob } from "@/lib/jobs/job-queue";
import { defineJob } from "@/lib/jobs/job-registry";
import { evaluateVersion } from "@/lib/evaluation/evaluate-version";

export const MODEL_EVALUATE = "model.evaluate";
export const modelEvaluatePayloadSchema = z.object({ evaluationId: z.string().min(1).max(64) });

export const modelEvaluateJob = defineJob(MODEL_EVALUATE, {
  schema: modelEvaluatePayloadSchema,
  family: "evaluation",
  run: async ({ evaluationId }, ctx) => {
    try {
      const ev = await evaluateVersion(evaluationId, (f, m) => ctx.progress(f, m));
      return { status: ev.status, map50: ev.map50, map40: ev.map40, images: ev.imageCount };
    } catch (e) {
      // The row says why; the job queue keeps its own copy of the error.
      await db.evaluation.update({
        where: { id: evaluationId },
        data: { status: "failed", error: e instanceof Error ? e.message.slice(0, 500) : String(e), finishedAt: new Date() },
      });
      throw e;
    }
  },
});

// A queued Evaluation row and its job, in one transaction; audited when an admin asks for it.
export async function requestEvaluation(versionId: string, actor?: Actor): Promise<{ evaluationId: string; jobId: string }> {
  return db.$transaction(async (tx) => {
    const v = await tx.modelVersion.findUnique({ where: { id: versionId }, select: { id: true } });
    if (!v) throw new AppError("not_found", "No such model version.");
    const ev = await tx.evaluation.create({
      data: { modelVersionId: versionId, status: "queued", datasetDescription: "held-out signed-off reviews (patient-level)" },
    });
    const job = await enqueueJob(MODEL_EVALUATE, { evaluationId: ev.id }, { client: tx, maxAttempts: 2 });
    if (actor)
      await recordAudit(tx, {
        actor,
        action: "model.evaluation_requested",
        targetType: "model_version",
        targetId: versionId,
        details: { evaluationId: ev.id },
      });
    return { evaluationId: ev.id, jobId: job.id };
  });
}
