import { z } from "zod";
import { recordAudit, SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/job-queue";
import type { EnqueueOptions } from "@/lib/jobs/queue-types";
import { registerJobHandler } from "@/lib/jobs/job-registry";
import { predictInstance } from "@/lib/predictions/predict-instance";
import { routeStudy } from "@/lib/predictions/route-study";

export const PREDICT_STUDY = "predict.study";
export const predictStudyPayloadSchema = z.object({ studyId: z.string().min(1) });

// Every instance of the study through the routed version (and silently through shadow versions).
export async function predictStudy(studyId: string, progress?: (f: number) => Promise<void>) {
  const study = await db.study.findUniqueOrThrow({ where: { id: studyId }, include: { series: { include: { instances: { select: { id: true } } } } } });
  const instances = study.series.flatMap((s) => s.instances);
  const { served, shadows } = await routeStudy(study.studyInstanceUid);
  let priority: number | null = null;
  for (const [i, inst] of instances.entries()) {
    // A retried job or a second upload into the study does not predict an instance twice with the same version.
    const done = await db.prediction.findFirst({ where: { instanceId: inst.id, modelVersionId: served.version.id }, include: { findings: { select: { confidence: true } } } });
    const r = done
      ? { maxConfidence: done.findings.length ? Math.max(...done.findings.map((f) => f.confidence)) : null }
      : await predictInstance(inst.id, served.version, served.routing);
    if (r.maxConfidence !== null) priority = Math.max(priority ?? 0, r.maxConfidence);
    for (const s of shadows) await predictInstance(inst.id, s, "shadow");
    await progress?.((i + 1) / instances.length);
  }
  await db.study.update({
    where: { id: studyId },
    data: { aiPriority: priority, status: ["new", "prediction_failed"].includes(study.status) ? "predicted" : study.status },
  });
  return { instances: instances.length, modelVersionId: served.version.id, routing: served.routing, aiPriority: priority };
}

// Failed for good (bad input, or the backend stayed down past the retry deadline): visible on the worklist, audited.
export async function markPredictionFailed(studyId: string, error: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const moved = await tx.study.updateMany({ where: { id: studyId, status: "new" }, data: { status: "prediction_failed" } });
    if (moved.count) await recordAudit(tx, { actor: SYSTEM_ACTOR, action: "study.prediction_failed", targetType: "study", targetId: studyId, details: { error: error.slice(0, 300) } });
  });
}

registerJobHandler(PREDICT_STUDY, {
  schema: predictStudyPayloadSchema,
  run: ({ studyId }, ctx) => predictStudy(studyId, (f) => ctx.progress(f)),
  onFailed: ({ studyId }, error) => markPredictionFailed(studyId, error),
});

export function enqueuePredictStudy(studyId: string, client?: EnqueueOptions["client"]) {
  return enqueueJob(PREDICT_STUDY, { studyId }, { priority: 10, client });
}
