import { randomUUID } from "node:crypto";
import type { Job, Queue } from "bullmq";
import type { Redis } from "ioredis";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { claimJobRow, completeJob, createJobRow, failJob, LEASE_MS, renewLease, reportProgress } from "@/lib/jobs/db-queue";
import { bullObjects } from "@/lib/jobs/bullmq-objects";
import { jobFamily, registeredJobTypes } from "@/lib/jobs/job-registry";
import type { ClaimedJob, JobQueue } from "@/lib/jobs/queue-types";
import { openRedis, redactRedisUrl } from "@/lib/jobs/redis-connection";

export type RedisQueueOptions = {
  url: string;
  /** Key prefix in Redis (one per deployment or test run). */
  prefix?: string;
  /** BullMQ's lock on a claimed job; the same length as the row's lease, so both run out together. */
  leaseMs?: number;
  reconcileMs?: number;
  /** How often the stalled-job check runs; a dead worker's job is retaken ≤ leaseMs + this after its last beat. */
  stalledIntervalMs?: number;
  commandTimeoutMs?: number;
};
type Dispatchable = { id: string; type: string; priority: number; runAfter: Date; createdAt: Date };
type Held = { job: Job; token: string };

// A row enqueued inside a caller's transaction is invisible until it commits: its dispatch waits this long (the
// reconcile pass covers a slower commit).
const AFTER_COMMIT_MS = 500;

/** The BullMQ queue a job type goes to: its family's, or (a test's type without a family) one of its own. */
export const queueNameOf = (type: string) => jobFamily(type) ?? `type-${type.replace(/[^A-Za-z0-9._-]/g, "-")}`;
// BullMQ: lower is sooner and 0 means "no priority" (served before every prioritised job), so map ours into 1..2001.
export const bullPriority = (priority: number) => 1001 - Math.max(-1000, Math.min(1000, Math.round(priority)));

export type RedisQueue = JobQueue & {
  redis: Redis;
  prefix: string;
  reconcile(): Promise<number>;
  /** The BullMQ queue that carries jobs of `type` (metrics, tests). */
  bullQueue(type: string): Queue;
};

// The scale option: BullMQ on Redis carries dispatch, one queue per job family; the Job row stays the source of
// truth, and every claim ends with the same conditional row update as the database queue. Enqueue writes the row
// and dispatches after it (never inside the caller's transaction, never awaited), so a stalled or stopped Redis
// never fails or holds the caller; a reconcile pass dispatches rows Redis does not have (outbox), and BullMQ's
// stalled-job check hands a dead worker's job to another once its lock runs out.
export function createRedisQueue(o: RedisQueueOptions): RedisQueue {
  const redis = openRedis(o.url, { commandTimeoutMs: o.commandTimeoutMs });
  const prefix = o.prefix ?? "cxr";
  const leaseMs = o.leaseMs ?? LEASE_MS;
  const reconcileMs = o.reconcileMs ?? 5_000;
  const stalledInterval = o.stalledIntervalMs ?? Math.max(100, Math.min(2_000, Math.floor(leaseMs / 10)));
  const bull = bullObjects(redis, { url: o.url, prefix, lockMs: leaseMs, stalledIntervalMs: stalledInterval });
  const held = new Map<string, Held>();
  let lastReconcile = 0;

  async function dispatch(row: Dispatchable, notBefore = 0) {
    const delay = Math.max(0, Math.max(row.runAfter.getTime(), notBefore) - Date.now());
    const name = queueNameOf(row.type);
    // The row id is the BullMQ job id: dispatching a job Redis already has changes nothing.
    await bull.guard("queue", name, () =>
      bull.queue(name).add(row.type, {}, { jobId: row.id, priority: bullPriority(row.priority), delay }),
    );
  }
  const quietly = (what: string, id: string, work: () => Promise<unknown>) =>
    work().catch((e) => log.warn(`redis queue: ${what} failed; the next reconcile repairs it`, { jobId: id, error: (e as Error).message }));

  // Rows Redis should carry: queued ones, and running ones whose lease ran out (Redis restarted empty, or a lost ack).
  async function reconcile(): Promise<number> {
    const rows = await db.job.findMany({
      where: { OR: [{ state: "queued" }, { state: "running", lockedAt: { lt: new Date(Date.now() - leaseMs) } }] },
      select: { id: true, type: true, priority: true, runAfter: true, createdAt: true },
      orderBy: { createdAt: "asc" },
      take: 1000,
    });
    await Promise.all(rows.map((r) => dispatch(r)));
    return rows.length;
  }

  // BullMQ handed us a job whose row cannot be claimed now: put it where the row's state says it belongs.
  async function settle(job: Job, token: string) {
    const row = await db.job.findUnique({ where: { id: job.id! }, select: { state: true, runAfter: true, lockedAt: true } });
    if (row?.state === "queued") return job.moveToDelayed(Math.max(Date.now() + 50, row.runAfter.getTime()), token);
    if (row?.state === "running") return job.moveToDelayed((row.lockedAt?.getTime() ?? Date.now()) + leaseMs + 50, token);
    // Finished, cancelled, or not committed (yet): drop it; the reconcile pass dispatches a row that commits later.
    await job.moveToCompleted(null, token, false);
  }

  async function claimFrom(name: string, wanted: string[], workerId: string): Promise<ClaimedJob | null> {
    for (let tries = 0; tries < 10; tries++) {
      const token = randomUUID();
      const job = await bull.guard("worker", name, () => bull.worker(name).getNextJob(token, { block: false }));
      if (!job?.id) return null;
      if (!wanted.includes(job.name)) {
        // A caller asking for part of a family: leave the rest to whoever claims it (workers claim whole families).
        await job.moveToDelayed(Date.now() + 1000, token);
        return null;
      }
      const claimed = await claimJobRow(job.id, workerId, leaseMs);
      if (claimed) {
        held.set(job.id, { job, token });
        return claimed;
      }
      await settle(job, token);
    }
    return null;
  }

  // Extends BullMQ's lock beside the row's lease (only the holder's token can).
  const extendLock = (job: ClaimedJob) => {
    const h = held.get(job.id);
    return h ? quietly("lock renewal", job.id, () => h.job.extendLock(h.token, leaseMs)) : Promise.resolve();
  };
  const release = (job: ClaimedJob, work: (h: Held) => Promise<unknown>) => {
    const h = held.get(job.id);
    if (!h) return Promise.resolve();
    held.delete(job.id);
    return quietly("ack", job.id, () => work(h));
  };

  return {
    kind: "redis",
    redis,
    prefix,
    reconcile,
    bullQueue: (type) => bull.queue(queueNameOf(type)),
    async enqueue(type, payload, opts = {}) {
      const row = await createJobRow(type, payload, opts);
      // Outbox: the row is written (in the caller's transaction when given); dispatch follows without holding it.
      // (A keyed job that exists already is dispatched only while it still waits.)
      if (row.state === "queued") void quietly("dispatch", row.id, () => dispatch(row, opts.client ? Date.now() + AFTER_COMMIT_MS : 0));
      return { id: row.id };
    },
    async claim(workerId, types) {
      if (Date.now() - lastReconcile >= reconcileMs) {
        lastReconcile = Date.now();
        await quietly("reconcile", "*", reconcile);
      }
      const wanted = types ?? registeredJobTypes();
      for (const name of new Set(wanted.map(queueNameOf))) {
        const job = await claimFrom(name, wanted, workerId);
        if (job) return job;
      }
      return null;
    },
    async progress(job, fraction, message) {
      await reportProgress(job.id, fraction, message);
      await extendLock(job);
    },
    async complete(job, result) {
      await completeJob(job.id, result);
      await release(job, (h) => h.job.moveToCompleted(null, h.token, false));
    },
    async heartbeat(job) {
      if (!(await renewLease(job))) return false;
      await extendLock(job);
      return true;
    },
    async fail(job, error, retryAt) {
      await failJob(job, error, retryAt);
      await release(job, (h) =>
        retryAt ? h.job.moveToDelayed(retryAt.getTime(), h.token) : h.job.moveToFailed(new Error(error), h.token, false),
      );
    },
    async close() {
      await bull.close();
      redis.disconnect();
    },
    async ping() {
      try {
        await redis.ping();
      } catch (e) {
        throw new Error(`Redis at ${redactRedisUrl(o.url)}: ${(e as Error).message}`);
      }
    },
  };
}
