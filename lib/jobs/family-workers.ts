import { env } from "@/lib/env";
import { JOB_FAMILIES, jobTypesByFamily, type JobFamily } from "@/lib/jobs/job-registry";
import { startJobWorker, type JobWorker } from "@/lib/jobs/job-worker";
import type { JobQueue } from "@/lib/jobs/queue-types";
import type { RunOptions } from "@/lib/jobs/run-job";

const DEFAULTS: Record<JobFamily, number> = { predict: 1, review: 2, exports: 1, evaluation: 1, training: 1, pacs: 2 };

/** Concurrency per family: JOB_CONCURRENCY for predictions, JOB_FAMILY_CONCURRENCY for the rest. */
export function familyConcurrency(): Record<JobFamily, number> {
  return { ...DEFAULTS, predict: env.JOB_CONCURRENCY, ...(env.JOB_FAMILY_CONCURRENCY as Partial<Record<JobFamily, number>>) };
}

export type FamilyWorkers = JobWorker & { byFamily: Partial<Record<JobFamily, JobWorker>> };

// One claim loop per job family, each with its own concurrency: a long retraining run occupies the training loop's
// slot only, and predictions keep being claimed beside it. The same on the database queue (a loop claims its
// family's types) and on Redis (a loop claims from its family's BullMQ queue).
export function startFamilyWorkers(
  o: { queue?: JobQueue; concurrency?: Partial<Record<JobFamily, number>>; pollMs?: number; run?: RunOptions } = {},
): FamilyWorkers {
  const concurrency = { ...familyConcurrency(), ...o.concurrency };
  const types = jobTypesByFamily();
  const byFamily: Partial<Record<JobFamily, JobWorker>> = {};
  for (const family of JOB_FAMILIES)
    if (types[family].length > 0)
      byFamily[family] = startJobWorker({
        queue: o.queue,
        types: types[family],
        concurrency: concurrency[family],
        pollMs: o.pollMs,
        run: o.run,
      });
  const all = Object.values(byFamily);
  return {
    id: all.map((w) => w.id).join(","),
    byFamily,
    stop: async () => void (await Promise.all(all.map((w) => w.stop()))),
    drain: async () => void (await Promise.all(all.map((w) => w.drain()))),
  };
}
