import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { DRIFT_COMPUTE } from "@/lib/drift/drift-job";
import { getJobQueue } from "@/lib/jobs/job-queue";
import type { JobQueue } from "@/lib/jobs/queue-types";
import { CANARY_CHECK } from "@/lib/performance/canary-job";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type PeriodicJob = { type: string; periodMs: number; payload: unknown; priority?: number; due?: () => Promise<boolean> };

// The daily drift computation (when there are predictions to compare) and the hourly canary rule check (when a
// canary runs; sign-offs also enqueue one).
export const PERIODIC_JOBS: PeriodicJob[] = [
  { type: DRIFT_COMPUTE, periodMs: DAY_MS, payload: {}, due: async () => (await db.prediction.count({ where: { visible: true } })) > 0 },
  {
    type: CANARY_CHECK,
    periodMs: HOUR_MS,
    payload: {},
    due: async () => (await db.modelVersion.count({ where: { stage: "canary" } })) > 0,
  },
];

/** The key of the period `now` falls in (its UTC start, no ':'), e.g. drift.compute@20261206T000000: the row's id. */
export function periodKey(type: string, periodMs: number, now: Date): string {
  const start = new Date(Math.floor(now.getTime() / periodMs) * periodMs);
  return `${type}@${start.toISOString().slice(0, 19).replace(/[-:]/g, "")}`;
}

// Ticked by a BullMQ job scheduler on Redis (periodic-schedulers.ts) or by every worker's timer on the database queue;
// the period's key is the job row's id, so however many ticks arrive, each period's job is stored and run once.
export async function enqueuePeriodicJobs(now = new Date(), jobs = PERIODIC_JOBS, queue: JobQueue = getJobQueue()): Promise<string[]> {
  const keys: string[] = [];
  for (const j of jobs) {
    const key = periodKey(j.type, j.periodMs, now);
    if (j.due && !(await j.due())) continue;
    await queue.enqueue(j.type, j.payload, { key, priority: j.priority });
    keys.push(key);
  }
  return keys;
}

/** The database queue's tick: at start and every minute (a period's job is enqueued within a minute of its start). */
export function startPeriodicTimer(tickMs = 60_000, jobs = PERIODIC_JOBS, queue: JobQueue = getJobQueue()): { close(): Promise<void> } {
  const tick = () =>
    void enqueuePeriodicJobs(new Date(), jobs, queue).catch((e) =>
      log.warn("periodic job enqueue failed", { error: (e as Error).message }),
    );
  tick();
  const timer = setInterval(tick, tickMs).unref();
  return { close: async () => clearInterval(timer) };
}
