import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { startFamilyWorkers } from "@/lib/jobs/family-workers";
import type { JobWorker } from "@/lib/jobs/job-worker";
import { queueDepthByFamily } from "@/lib/jobs/queue-depth";
import { registerQueueDepth } from "@/lib/metrics/job-metrics";
import { registerBackendReadinessChecks } from "@/lib/server/readiness-checks";
import { ensureBundledModel } from "@/lib/models/ensure-bundled-model";
import { findProductionVersion } from "@/lib/models/production-version";
import { engineFor } from "@/lib/models/version-detector";
import { startAutoPullSchedule } from "@/lib/pacs/poll-job";
import { startDicomNodeWithReadiness } from "@/lib/server/start-dicom-node-service";
import { checkInferenceAtStart } from "@/lib/server/inference-check";
import { getStorage } from "@/lib/storage/get-storage";
import { startPeriodicJobs } from "@/lib/server/periodic-schedulers";
import { getJobQueue } from "@/lib/jobs/job-queue";
import { registerJobHandlers } from "@/lib/server/job-handlers";

let worker: JobWorker | undefined;

// Server start: readiness checks every backend, bundled model into production, the in-process job worker runs.
export async function startBackground(): Promise<void> {
  // First: the web bundle enqueues through the same registry (on globalThis), which refuses unknown types.
  registerJobHandlers();
  // Temp files of uploads interrupted by a kill of an earlier process (a re-sent upload completes the study).
  await getStorage()
    .then((s) => s.sweepTemp())
    .then(
      (removed) => removed > 0 && log.warn("removed temp files of interrupted writes", { removed }),
      (e: Error) => log.warn("temp file sweep failed", { error: e.message }),
    );
  registerBackendReadinessChecks();
  try {
    const r = await ensureBundledModel();
    log.info("model bootstrap", r);
    const production = await findProductionVersion();
    if (production) {
      const engine = await engineFor(production); // warm: the first study does not wait for the model to load
      log.info("inference engine ready", { model: production.name, version: production.version, provider: engine.providerUsed });
    }
  } catch (e) {
    log.error("model bootstrap failed", { error: (e as Error).message });
  }
  void checkInferenceAtStart(); // KServe/Triton: a misconfigured server is named now (and in /api/ready), not per study
  if (env.JOBS_IN_PROCESS && !worker) {
    // A claim loop per job family: a retraining run can take hours, predictions and exports keep flowing beside it.
    worker = startFamilyWorkers();
    registerQueueDepth(() => queueDepthByFamily());
    // Daily drift check and hourly canary rule check (sign-offs enqueue one too): one job per period.
    startPeriodicJobs(getJobQueue());
    // PACS auto-pull: a poll per connection every PACS_POLL_INTERVAL_S.
    startAutoPullSchedule();
    // The DICOM node lives with the in-process worker; JOBS_IN_PROCESS=false deployments run `npm run dicom-node`.
    if (env.DICOM_ENABLED) await startDicomNodeWithReadiness();
  }
}
