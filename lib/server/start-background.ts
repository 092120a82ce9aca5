import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import "@/lib/jobs/all-handlers";
import { startJobWorker, type JobWorker } from "@/lib/jobs/job-worker";
import { registeredJobTypes } from "@/lib/jobs/job-registry";
import { TRAINING_RUN } from "@/lib/training/training-job";
import { MODEL_OPTIMIZE } from "@/lib/models/optimize-job";
import { registerBackendReadinessChecks } from "@/lib/server/readiness-checks";
import { ensureBundledModel } from "@/lib/models/ensure-bundled-model";
import { engineFor } from "@/lib/models/version-detector";
import { enqueueDriftCompute } from "@/lib/drift/drift-job";
import { enqueueCanaryCheck } from "@/lib/performance/canary-job";
import { startAutoPullSchedule } from "@/lib/pacs/poll-job";
import { startDicomNodeWithReadiness } from "@/lib/server/start-dicom-node-service";
import { getStorage } from "@/lib/storage/get-storage";

const DAY_MS = 86_400_000;

let worker: JobWorker | undefined;

// Server start: readiness checks every backend, bundled model into production, the in-process job worker runs.
export async function startBackground(): Promise<void> {
  // Temp files of uploads interrupted by a kill of an earlier process (a re-sent upload completes the study).
  await getStorage()
    .then((s) => s.sweepTemp())
    .then((removed) => removed > 0 && log.warn("removed temp files of interrupted writes", { removed }), (e: Error) => log.warn("temp file sweep failed", { error: e.message }));
  registerBackendReadinessChecks();
  try {
    const r = await ensureBundledModel();
    log.info("model bootstrap", r);
    const production = await db.modelVersion.findFirst({ where: { stage: "production" }, orderBy: { stagedAt: "desc" } });
    if (production) {
      const engine = await engineFor(production); // warm: the first study does not wait for the model to load
      log.info("inference engine ready", { model: production.name, version: production.version, provider: engine.providerUsed });
    }
  } catch (e) {
    log.error("model bootstrap failed", { error: (e as Error).message });
  }
  if (env.JOBS_IN_PROCESS && !worker) {
    // A retraining run can take hours (an INT8 calibration minutes): they get a worker of their own so predictions and
    // exports keep flowing.
    const long = [TRAINING_RUN, MODEL_OPTIMIZE];
    worker = startJobWorker({ concurrency: env.JOB_CONCURRENCY, types: registeredJobTypes().filter((t) => !long.includes(t)) });
    startJobWorker({ concurrency: 1, types: long, pollMs: 5000 });
    // Daily drift check (default windows); only when there is something to compare.
    setInterval(async () => {
      if ((await db.prediction.count({ where: { visible: true } })) > 0) await enqueueDriftCompute({}).catch((e) => log.warn("drift enqueue failed", { error: (e as Error).message }));
    }, DAY_MS).unref();
    // Hourly canary rule check as well as after each sign-off (settings may have changed in between).
    setInterval(() => void enqueueCanaryCheck().catch((e) => log.warn("canary check enqueue failed", { error: (e as Error).message })), DAY_MS / 24).unref();
    // PACS auto-pull: a poll per connection every PACS_POLL_INTERVAL_S.
    startAutoPullSchedule();
    // The DICOM node lives with the in-process worker; JOBS_IN_PROCESS=false deployments run `npm run dicom-node`.
    if (env.DICOM_ENABLED) await startDicomNodeWithReadiness();
  }
}
