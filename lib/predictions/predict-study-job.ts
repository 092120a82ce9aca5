import { z } from "zod";
import type { ModelVersion } from "@/generated/prisma/client";
import { recordAudit, SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { frameNumbers } from "@/lib/dicom/frames";
import { enqueueJob } from "@/lib/jobs/job-queue";
import type { EnqueueOptions } from "@/lib/jobs/queue-types";
import { defineJob } from "@/lib/jobs/job-registry";
import { predictFrame, type Routing } from "@/lib/predictions/predict-instance";
import { openModelFrames, type ModelFrames } from "@/lib/predictions/load-instance-image";
import { routeStudy } from "@/lib/predictions/route-study";
import { getStorage } from "@/lib/storage/get-storage";

export const PREDICT_STUDY = "predict.study";
export const predictStudyPayloadSchema = z.object({ studyId: z.string().min(1) });

// Every frame of every instance of the study through the routed version (and silently through shadow versions);
// each frame of a multi-frame image is predicted as its own image.
export async function predictStudy(studyId: string, progress?: (f: number) => Promise<void>) {
  const study = await db.study.findUniqueOrThrow({
    where: { id: studyId },
    include: { series: { include: { instances: { select: { id: true, frames: true, storageKey: true } } } } },
  });
  const instances = study.series.flatMap((s) => s.instances);
  const { served, shadows } = await routeStudy(study.studyInstanceUid);
  const total = instances.reduce((n, i) => n + Math.max(1, i.frames), 0);
  const storage = await getStorage();
  let priority: number | null = null;
  let done = 0;
  for (const inst of instances) {
    let opened: ModelFrames | undefined; // read and parsed once per instance, and only when a frame still needs it
    const open = async () => (opened ??= openModelFrames(await storage.get(inst.storageKey)));
    for (const frame of frameNumbers(inst.frames)) {
      const run = async (version: ModelVersion, routing: Routing) => {
        // A retried job or a second upload into the study does not predict a frame twice with the same version.
        const earlier = await db.prediction.findFirst({
          where: { instanceId: inst.id, frame, modelVersionId: version.id },
          include: { findings: { select: { confidence: true } } },
        });
        if (earlier) return { maxConfidence: earlier.findings.length ? Math.max(...earlier.findings.map((f) => f.confidence)) : null };
        return predictFrame(inst.id, await open(), frame, version, routing);
      };
      const r = await run(served.version, served.routing);
      if (r.maxConfidence !== null) priority = Math.max(priority ?? 0, r.maxConfidence);
      for (const s of shadows) await run(s, "shadow");
      await progress?.(++done / total);
    }
  }
  await db.study.update({
    where: { id: studyId },
    data: { aiPriority: priority, status: ["new", "prediction_failed"].includes(study.status) ? "predicted" : study.status },
  });
  return { instances: instances.length, frames: total, modelVersionId: served.version.id, routing: served.routing, aiPriority: priority };
}

// Failed for good (bad input, or the backend stayed down past the retry deadline): visible on the worklist, audited.
export async function markPredictionFailed(studyId: string, error: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const moved = await tx.study.updateMany({ where: { id: studyId, status: "new" }, data: { status: "prediction_failed" } });
    if (moved.count)
      await recordAudit(tx, {
        actor: SYSTEM_ACTOR,
        action: "study.prediction_failed",
        targetType: "study",
        targetId: studyId,
        details: { error: error.slice(0, 300) },
      });
  });
}

export const predictStudyJob = defineJob(PREDICT_STUDY, {
  schema: predictStudyPayloadSchema,
  family: "predict",
  run: ({ studyId }, ctx) => predictStudy(studyId, (f) => ctx.progress(f)),
  onFailed: ({ studyId }, error) => markPredictionFailed(studyId, error),
});

export function enqueuePredictStudy(studyId: string, client?: EnqueueOptions["client"]) {
  return enqueueJob(PREDICT_STUDY, { studyId }, { priority: 10, client });
}
