import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { claimJobRow, completeJob, createJobRow, failJob, LEASE_MS, renewLease, reportProgress } from "@/lib/jobs/db-queue";
import { registeredJobTypes } from "@/lib/jobs/job-registry";
import type { JobQueue } from "@/lib/jobs/queue-types";
import { RedisClient } from "@/lib/jobs/resp-client";

export type RedisQueueOptions = { url: string; prefix?: string; leaseMs?: number; reconcileMs?: number };
type Dispatchable = { id: string; type: string; priority: number; runAfter: Date; createdAt: Date };

// Sorted-set score: higher priority first, then older first. Exact in a double for |priority| ≤ 1000 until 2109.
const PRIORITY_STEP = 2 ** 42;
export const rankOf = (priority: number, createdAt: Date) => -Math.max(-1000, Math.min(1000, priority)) * PRIORITY_STEP + createdAt.getTime();

// Atomically: due delayed jobs and expired leases go back to their ready set, then the best ready job of the wanted
// types moves to the lease set. One script run at a time in Redis, so two claimers never pop the same id.
// KEYS: delayed, leases, meta. ARGV: now, leaseMs, ready-key prefix, then the wanted types.
const CLAIM = `
local now = tonumber(ARGV[1])
local function requeue(set)
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', set, '-inf', now, 'LIMIT', 0, 100)) do
    redis.call('ZREM', set, id)
    local m = redis.call('HGET', KEYS[3], id)
    if m then
      local sep = string.find(m, '|', 1, true)
      redis.call('ZADD', ARGV[3] .. string.sub(m, sep + 1), string.sub(m, 1, sep - 1), id)
    end
  end
end
requeue(KEYS[1])
requeue(KEYS[2])
local best, bestScore, bestKey
for i = 4, #ARGV do
  local key = ARGV[3] .. ARGV[i]
  local top = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  if top[1] and (bestScore == nil or tonumber(top[2]) < bestScore) then best, bestScore, bestKey = top[1], tonumber(top[2]), key end
end
if not best then return false end
redis.call('ZREM', bestKey, best)
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), best)
return best
`;

export type RedisQueue = JobQueue & { redis: RedisClient; keys: { delayed: string; leases: string; meta: string; ready: string }; reconcile(): Promise<number> };

// The scale option: Redis carries dispatch (ready/delayed/lease sets); the Job row stays the source of truth, and every
// claim ends with the same conditional row update as the database queue. A reconcile pass re-dispatches queued rows and
// expired leases from the database, so nothing is lost if Redis restarts empty or a transaction committed late.
export function createRedisQueue(o: RedisQueueOptions): RedisQueue {
  const redis = new RedisClient(o.url);
  const p = o.prefix ?? "cxr:jobs";
  const keys = { delayed: `${p}:delayed`, leases: `${p}:leases`, meta: `${p}:meta`, ready: `${p}:ready:` };
  const leaseMs = o.leaseMs ?? LEASE_MS;
  const reconcileMs = o.reconcileMs ?? 15_000;
  let lastReconcile = 0;

  async function dispatch(job: Dispatchable, notBefore = 0) {
    const rank = rankOf(job.priority, job.createdAt);
    const due = Math.max(job.runAfter.getTime(), notBefore);
    await redis.send("HSET", keys.meta, job.id, `${rank}|${job.type}`);
    if (due <= Date.now()) await redis.send("ZADD", keys.ready + job.type, rank, job.id);
    else await redis.send("ZADD", keys.delayed, due, job.id);
  }
  const ack = async (id: string) => {
    await redis.send("ZREM", keys.leases, id);
    await redis.send("HDEL", keys.meta, id);
  };
  const quietly = (what: string, id: string, work: () => Promise<unknown>) =>
    work().catch((e) => log.warn(`redis queue: ${what} failed; the next reconcile repairs it`, { jobId: id, error: (e as Error).message }));

  // After a lost claim: put the id where the row's state says it belongs.
  async function settle(id: string) {
    const row = await db.job.findUnique({ where: { id }, select: { id: true, type: true, state: true, priority: true, runAfter: true, createdAt: true, lockedAt: true } });
    if (!row || !["queued", "running"].includes(row.state)) return ack(id);
    if (row.state === "running" && row.lockedAt) return void (await redis.send("ZADD", keys.leases, row.lockedAt.getTime() + leaseMs, id));
    await redis.send("ZREM", keys.leases, id);
    await dispatch(row);
  }

  async function reconcile(): Promise<number> {
    const now = Date.now();
    const rows = await db.job.findMany({
      where: { OR: [{ state: "queued" }, { state: "running", lockedAt: { lt: new Date(now - leaseMs) } }] },
      select: { id: true, type: true, priority: true, runAfter: true, createdAt: true },
      orderBy: { createdAt: "asc" },
      take: 1000,
    });
    await Promise.all(rows.map((r) => dispatch(r))); // pipelined; re-adding an id already there changes nothing
    return rows.length;
  }

  return {
    kind: "redis",
    redis,
    keys,
    reconcile,
    async enqueue(type, payload, opts = {}) {
      const row = await createJobRow(type, payload, opts);
      // Inside a caller's transaction the row is not visible yet: dispatch a moment later (reconcile covers the rest).
      await quietly("dispatch", row.id, () => dispatch(row, opts.client ? Date.now() + 500 : 0));
      return { id: row.id };
    },
    async claim(workerId, types) {
      if (Date.now() - lastReconcile >= reconcileMs) {
        lastReconcile = Date.now();
        await quietly("reconcile", "*", reconcile);
      }
      const wanted = types ?? registeredJobTypes();
      if (wanted.length === 0) return null;
      for (let tries = 0; tries < 10; tries++) {
        const id = await redis.send("EVAL", CLAIM, 3, keys.delayed, keys.leases, keys.meta, Date.now(), leaseMs, keys.ready, ...wanted);
        if (typeof id !== "string") return null;
        const job = await claimJobRow(id, workerId, leaseMs);
        if (job) return job;
        await settle(id);
      }
      return null;
    },
    async progress(job, fraction, message) {
      await reportProgress(job.id, fraction, message);
      await quietly("lease renewal", job.id, () => redis.send("ZADD", keys.leases, "XX", Date.now() + leaseMs, job.id));
    },
    async complete(job, result) {
      await completeJob(job.id, result);
      await quietly("ack", job.id, () => ack(job.id));
    },
    async heartbeat(job) {
      if (!(await renewLease(job))) return false;
      await quietly("lease renewal", job.id, () => redis.send("ZADD", keys.leases, "XX", Date.now() + leaseMs, job.id));
      return true;
    },
    async fail(job, error, retryAt) {
      await failJob(job, error, retryAt);
      await quietly("retry scheduling", job.id, async () => {
        if (!retryAt) return ack(job.id);
        await redis.send("ZREM", keys.leases, job.id);
        await redis.send("ZADD", keys.delayed, retryAt.getTime(), job.id);
      });
    },
    close: () => redis.quit(),
    ping: async () => void (await redis.send("PING")),
  };
}
