import { env } from "@/lib/env";
import { dbQueue } from "@/lib/jobs/db-queue";
import type { EnqueueOptions, JobQueue } from "@/lib/jobs/queue-types";
import { createRedisQueue } from "@/lib/jobs/redis-queue";

// On globalThis: the web bundle (enqueue) and the instrumentation bundle (worker) share one queue and one connection.
const QUEUE = Symbol.for("cxr-review.jobs.queue");

// The configured queue: JOB_QUEUE=database (default) or redis (BullMQ, with REDIS_URL).
export function getJobQueue(): JobQueue {
  const g = globalThis as Record<symbol, unknown>;
  return (g[QUEUE] ??=
    env.JOB_QUEUE === "redis"
      ? createRedisQueue({ url: env.REDIS_URL!, commandTimeoutMs: env.REDIS_COMMAND_TIMEOUT_MS })
      : dbQueue) as JobQueue;
}

export function enqueueJob(type: string, payload: unknown, o?: EnqueueOptions): Promise<{ id: string }> {
  return getJobQueue().enqueue(type, payload, o);
}
