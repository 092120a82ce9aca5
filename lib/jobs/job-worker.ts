import { randomUUID } from "node:crypto";
import { log } from "@/lib/log";
import { claimNextJob } from "@/lib/jobs/db-queue";
import { runClaimedJob } from "@/lib/jobs/run-job";

export type JobWorker = { id: string; stop(): Promise<void>; drain(): Promise<void> };

// Polls the database queue and runs up to `concurrency` jobs at once; wakes early when work is enqueued in-process.
export function startJobWorker(o: { concurrency?: number; pollMs?: number; types?: string[] } = {}): JobWorker {
  const id = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  const concurrency = o.concurrency ?? 2;
  const pollMs = o.pollMs ?? 1000;
  let stopped = false;
  let running = 0;
  const inFlight = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;

  async function tick(): Promise<void> {
    timer = undefined;
    while (!stopped && running < concurrency) {
      const job = await claimNextJob(id, o.types).catch((e) => {
        log.error("job claim failed", { error: (e as Error).message });
        return null;
      });
      if (!job) break;
      running++;
      const p = runClaimedJob(job).finally(() => {
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
  log.info("job worker started", { workerId: id, concurrency });
  return {
    id,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.allSettled([...inFlight]);
    },
    // Test helper: waits until nothing is running and the queue has no due job.
    async drain() {
      for (;;) {
        await Promise.allSettled([...inFlight]);
        await tick();
        if (inFlight.size === 0) return;
      }
    },
  };
}
