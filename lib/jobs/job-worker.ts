import { randomUUID } from "node:crypto";
import { log } from "@/lib/log";
import { jobFinished, jobStarted } from "@/lib/metrics/job-metrics";
import { jobFamily } from "@/lib/jobs/job-registry";
import { getJobQueue } from "@/lib/jobs/job-queue";
import type { JobQueue } from "@/lib/jobs/queue-types";
import { runClaimedJob, type RunOptions } from "@/lib/jobs/run-job";

export type JobWorker = { id: string; stop(): Promise<void>; drain(): Promise<void> };

// Polls the queue (the configured one unless given) and runs up to `concurrency` jobs at once.
export function startJobWorker(
  o: { concurrency?: number; pollMs?: number; types?: string[]; queue?: JobQueue; run?: RunOptions } = {},
): JobWorker {
  const queue = o.queue ?? getJobQueue();
  const id = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  const concurrency = o.concurrency ?? 2;
  const pollMs = o.pollMs ?? 1000;
  let stopped = false;
  let running = 0;
  const inFlight = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | null = null;

  // One claim loop at a time, so drain() and stop() can wait for a claim that is under way.
  function tick(): Promise<void> {
    return (ticking ??= claimLoop().finally(() => (ticking = null)));
  }
  async function claimLoop(): Promise<void> {
    timer = undefined;
    while (!stopped && running < concurrency) {
      const job = await queue.claim(id, o.types).catch((e) => {
        log.error("job claim failed", { error: (e as Error).message });
        return null;
      });
      if (!job) break;
      running++;
      const family = jobFamily(job.type) ?? "review";
      const started = Date.now();
      jobStarted(family, started - job.createdAt.getTime());
      const p = runClaimedJob(job, queue, o.run)
        .then(
          (outcome) => jobFinished(family, outcome, Date.now() - started),
          (e: Error) => (
            jobFinished(family, "failed", Date.now() - started),
            log.error("job run failed", { jobId: job.id, error: e.message })
          ),
        )
        .finally(() => {
          running--;
          inFlight.delete(p);
          schedule(0);
        });
      inFlight.add(p);
    }
    schedule(pollMs);
  }
  function schedule(ms: number) {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void tick(), ms);
  }
  schedule(0);
  log.info("job worker started", { workerId: id, concurrency, queue: queue.kind, types: o.types?.length ?? "all" });
  return {
    id,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await ticking;
      await Promise.allSettled([...inFlight]);
    },
    // Test helper: waits until nothing is running and the queue has no due job.
    async drain() {
      for (;;) {
        await Promise.allSettled([...inFlight]);
        await ticking; // a claim that began before the caller's last change…
        await tick(); // …then a fresh one that sees it
        if (inFlight.size === 0) return;
      }
    },
  };
}
