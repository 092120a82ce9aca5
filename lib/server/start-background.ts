import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import "@/lib/jobs/all-handlers";
import { startJobWorker, type JobWorker } from "@/lib/jobs/job-worker";
import { registerReadinessCheck } from "@/lib/health/check-readiness";
import { ensureBundledModel } from "@/lib/models/ensure-bundled-model";

let worker: JobWorker | undefined;

// Server start: bundled model into production, readiness reports the model, the in-process job worker runs.
export async function startBackground(): Promise<void> {
  registerReadinessCheck("model", async () => {
    const v = await db.modelVersion.findFirst({ where: { stage: "production" } });
    return v ? { ok: true, detail: `${v.name} ${v.version}` } : { ok: false, detail: "no production model" };
  });
  try {
    const r = await ensureBundledModel();
    log.info("model bootstrap", r);
  } catch (e) {
    log.error("bundled model could not be registered", { error: (e as Error).message });
  }
  if (env.JOBS_IN_PROCESS && !worker) worker = startJobWorker({ concurrency: env.JOB_CONCURRENCY });
}
