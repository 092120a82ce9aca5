import { Queue, Worker } from "bullmq";
import { log } from "@/lib/log";
import type { JobQueue } from "@/lib/jobs/queue-types";
import type { RedisQueue } from "@/lib/jobs/redis-queue";
import { enqueuePeriodicJobs, PERIODIC_JOBS, startPeriodicTimer, type PeriodicJob } from "@/lib/server/periodic-jobs";

const TICKS = "periodic-ticks";
const REDECLARE_MS = 5 * 60_000;

// On Redis the periods are ticked by BullMQ job schedulers: one scheduler per periodic job (an upsert, so every
// worker declaring it leaves one), one tick per period for all workers, taken by whichever worker is free. The tick
// enqueues the period's job under its key, so even a repeated tick stores and runs it once.
export async function startPeriodicSchedulers(queue: RedisQueue, jobs: PeriodicJob[] = PERIODIC_JOBS): Promise<{ close(): Promise<void> }> {
  const ticks = new Queue(TICKS, { connection: queue.redis, prefix: queue.prefix });
  ticks.on("error", () => undefined); // the job queue's own objects report the shared connection's errors
  const declare = async () => {
    for (const j of jobs)
      await ticks.upsertJobScheduler(j.type, { every: j.periodMs }, { name: j.type, opts: { removeOnComplete: true, removeOnFail: true } });
  };
  await declare();
  // Declared again every 5 minutes: a Redis restarted empty gets its schedulers back (an upsert changes nothing else).
  const redeclare = setInterval(
    () => void declare().catch((e: Error) => log.warn("periodic job schedulers not re-declared", { error: e.message })),
    REDECLARE_MS,
  ).unref();
  // The period already under way when the worker starts (a first deployment, or a scheduler added by this release).
  await enqueuePeriodicJobs(new Date(), jobs, queue);
  const worker = new Worker(
    TICKS,
    // The time the tick runs names the period (a tick's own timestamp is when its scheduler queued it).
    async (tick) =>
      enqueuePeriodicJobs(
        new Date(),
        jobs.filter((j) => j.type === tick.name),
        queue,
      ),
    // Long-polls shorter than the connection's command timeout.
    { connection: queue.redis, prefix: queue.prefix, concurrency: 1, drainDelay: 1 },
  );
  worker.on("failed", (tick, e) => log.warn("periodic tick failed", { type: tick?.name, error: e.message }));
  let lastWarning = 0; // during a Redis outage: one line per minute, not one per reconnect
  worker.on("error", (e) => {
    if (Date.now() - lastWarning < 60_000) return;
    lastWarning = Date.now();
    log.warn("periodic tick worker error", { error: e.message });
  });
  return {
    close: async () => {
      clearInterval(redeclare);
      await worker.close();
      await ticks.close();
    },
  };
}

/** The daily drift and hourly canary checks: BullMQ job schedulers on Redis (declared in the background, retried
 * every 30 s while Redis is unreachable), a per-worker timer on the database. */
export function startPeriodicJobs(queue: JobQueue): { close(): Promise<void> } {
  if (queue.kind !== "redis") return startPeriodicTimer(60_000, PERIODIC_JOBS, queue);
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let started: Promise<{ close(): Promise<void> } | null> = Promise.resolve(null);
  const attempt = () => {
    started = startPeriodicSchedulers(queue as RedisQueue).catch((e: Error) => {
      log.warn("periodic job schedulers not declared yet; retrying in 30 s", { error: e.message });
      if (!closed) retry = setTimeout(attempt, 30_000).unref();
      return null;
    });
  };
  attempt();
  return {
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await (await started)?.close();
    },
  };
}
