import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { registerJobHandler } from "@/lib/jobs/job-registry";
import { isRedisAuthError } from "@/lib/jobs/redis-connection";
import { createRedisQueue, queueNameOf, type RedisQueue } from "@/lib/jobs/redis-queue";
import { startPrivateRedis } from "@/lib/jobs/testing/private-redis";
import { describeQueueContract } from "@/lib/jobs/testing/queue-contract";

// Real Redis (127.0.0.1:6379 on this machine kind and in CI). Each run uses its own key prefix and removes it after;
// the outage and password cases start a redis-server of their own.
const URL = env.REDIS_URL ?? "redis://127.0.0.1:6379";
const PREFIX = `cxrq-${randomUUID().slice(0, 8)}`;
const probe = new Redis(URL, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
probe.on("error", () => undefined);
const reachable = await probe.ping().then(
  () => true,
  () => false,
);
if (!reachable && env.CI) throw new Error(`Redis is not reachable at ${URL} and CI requires it.`);
if (!reachable)
  console.warn(`[lib/jobs] Redis is not reachable at ${URL}: the Redis queue tests are skipped (start redis-server to run them)`);

const opened: RedisQueue[] = [];
const open = (o: { leaseMs?: number; url?: string; prefix?: string } = {}) => {
  const q = createRedisQueue({ url: URL, prefix: PREFIX, stalledIntervalMs: 100, ...o });
  opened.push(q);
  return q;
};
afterAll(async () => {
  await Promise.all(opened.map((q) => q.close()));
  if (reachable) {
    const keys = await probe.keys(`${PREFIX}:*`);
    if (keys.length) await probe.del(...keys);
  }
  probe.disconnect();
});

registerJobHandler("redis-only.job", { schema: z.object({ n: z.number() }), run: async () => null });
const T = ["redis-only.job"];
const held = (id: string, workerId: string) => ({
  id,
  type: T[0]!,
  payload: {},
  attempts: 1,
  maxAttempts: 3,
  createdAt: new Date(),
  workerId,
});
const claimSoon = (q: RedisQueue, workerId: string, types = T) =>
  vi.waitFor(
    async () => {
      const job = await q.claim(workerId, types);
      if (!job) throw new Error("nothing to claim yet");
      return job;
    },
    { timeout: 10_000, interval: 100 },
  );

describe.skipIf(!reachable)("Redis job queue (BullMQ)", () => {
  const main = open();
  describeQueueContract("redis", async () => ({
    queue: main,
    // As a dead worker's job: the row's lease and BullMQ's lock both run out; BullMQ's own stalled check requeues it.
    expireLease: async (id) => {
      const row = await db.job.update({ where: { id }, data: { lockedAt: new Date(Date.now() - 10 * 60_000) } });
      await main.redis.del(`${PREFIX}:${queueNameOf(row.type)}:${id}:lock`);
      await vi.waitFor(async () => expect(await main.bullQueue(row.type).getJobState(id)).toMatch(/waiting|prioritized/), {
        timeout: 5000,
        interval: 50,
      });
    },
    skipBackoff: async (id) => {
      const row = await db.job.update({ where: { id }, data: { runAfter: new Date() } });
      await (await main.bullQueue(row.type).getJob(id))?.promote();
    },
  }));

  it("concurrent claimers on separate connections never take one job twice", async () => {
    const ids = new Set((await Promise.all(Array.from({ length: 40 }, (_, n) => main.enqueue("redis-only.job", { n })))).map((j) => j.id));
    await vi.waitFor(async () => expect((await main.bullQueue(T[0]!).getJobCounts()).prioritized).toBe(40));
    const claimers = Array.from({ length: 5 }, () => open());
    const taken = await Promise.all(
      claimers.map(async (q, k) => {
        const mine: string[] = [];
        for (let job = await q.claim(`c${k}`, T); job; job = await q.claim(`c${k}`, T)) mine.push(job.id);
        return mine;
      }),
    );
    const all = taken.flat();
    expect(all).toHaveLength(40);
    expect(new Set(all)).toEqual(ids);
    expect(taken.filter((m) => m.length > 0).length).toBeGreaterThan(1); // they really competed
    const rows = await db.job.findMany({ where: { id: { in: [...ids] } } });
    expect(rows.every((r) => r.state === "running" && r.attempts === 1)).toBe(true);
    await Promise.all(taken.flatMap((mine, k) => mine.map((id) => claimers[k]!.complete(held(id, `c${k}`), null))));
    expect((await main.bullQueue(T[0]!).getJobCounts()).active).toBe(0);
  });

  it("restart: a worker dies holding a job; once its lock runs out BullMQ's stalled check hands it to a new process", async () => {
    const before = open({ leaseMs: 1000 });
    const j = await before.enqueue("redis-only.job", { n: 1 });
    expect((await claimSoon(before, "doomed")).id).toBe(j.id);
    await before.close(); // the process is gone without completing
    const after = open({ leaseMs: 1000 });
    expect(await after.claim("successor", T)).toBeNull(); // still locked
    const again = await claimSoon(after, "successor");
    expect(again).toMatchObject({ id: j.id, attempts: 2 });
    await after.complete(again, "done");
    expect(await db.job.findUniqueOrThrow({ where: { id: j.id } })).toMatchObject({ state: "succeeded", lockedBy: "successor" });
    expect(await after.bullQueue(T[0]!).getJob(j.id)).toBeUndefined(); // removed on completion
  });

  it("Redis restarted empty: the reconcile pass re-dispatches queued jobs from the database", async () => {
    const q = open();
    await q.claim("warm", T); // first claim reconciles; the next one will not for a while
    const ids = (await Promise.all([1, 2, 3].map((n) => q.enqueue("redis-only.job", { n })))).map((j) => j.id);
    await vi.waitFor(async () => expect((await q.bullQueue(T[0]!).getJobCounts()).prioritized).toBe(3));
    const keys = await q.redis.keys(`${PREFIX}:*`);
    await q.redis.del(...keys);
    expect(await q.claim("w", T)).toBeNull();
    expect(await q.reconcile()).toBeGreaterThanOrEqual(3);
    const got = [await q.claim("w", T), await q.claim("w", T), await q.claim("w", T)].map((j) => j?.id);
    expect(got.sort()).toEqual([...ids].sort());
  });

  it("a job enqueued inside a transaction is dispatched once the transaction has committed", async () => {
    const q = open();
    const { id } = await db.$transaction((tx) => q.enqueue("redis-only.job", { n: 7 }, { client: tx }));
    expect((await claimSoon(q, "w")).id).toBe(id);
  });

  it("a keyed enqueue (one per period) stores one row and one dispatch however many callers race", async () => {
    const key = `redis-only.job@${randomUUID().slice(0, 8)}`;
    const results = await Promise.all(Array.from({ length: 6 }, () => open().enqueue("redis-only.job", { n: 1 }, { key })));
    expect(new Set(results.map((r) => r.id))).toEqual(new Set([key]));
    expect(await db.job.count({ where: { id: key } })).toBe(1);
    expect((await claimSoon(main, "w")).id).toBe(key);
    expect(await main.claim("w2", T)).toBeNull();
  });
});

describe.skipIf(!reachable)("Redis outages and credentials (a redis-server of the test's own)", () => {
  it("a stopped (SIGSTOP) Redis neither holds nor fails an enqueue; the job runs once Redis is back", async () => {
    const server = await startPrivateRedis();
    try {
      const q = open({ url: server.url, prefix: `${PREFIX}-pause` });
      await q.ping();
      server.pause();
      const started = Date.now();
      const ids = (await Promise.all([1, 2, 3].map((n) => q.enqueue("redis-only.job", { n })))).map((j) => j.id);
      const heldMs = Date.now() - started;
      console.log(`[redis paused] 3 enqueues answered in ${heldMs} ms`);
      expect(heldMs).toBeLessThan(2000); // the database write only: dispatch does not wait for Redis
      await expect(q.ping()).rejects.toThrow(/127\.0\.0\.1:\d+.*timed out/i);
      server.resume();
      const got = new Set<string>();
      await vi.waitFor(
        async () => {
          for (let j = await q.claim("w", T); j; j = await q.claim("w", T)) {
            got.add(j.id);
            await q.complete(j, null);
          }
          expect([...got].sort()).toEqual([...ids].sort());
        },
        { timeout: 20_000, interval: 200 },
      );
    } finally {
      await server.stop();
    }
  });

  it("wrong credentials are told apart from an outage (a worker stops on them instead of retrying)", async () => {
    const server = await startPrivateRedis({ password: "right-password" });
    try {
      const wrong = open({ url: `redis://:wrong@127.0.0.1:${server.port}`, prefix: `${PREFIX}-auth` });
      const e = await wrong.ping().then(
        () => null,
        (err: Error) => err,
      );
      expect(e?.message).toMatch(/WRONGPASS|invalid/i);
      expect(e?.message).not.toContain("wrong@"); // the URL in messages is redacted
      expect(isRedisAuthError(e)).toBe(true);
      const right = open({ url: server.url, prefix: `${PREFIX}-auth` });
      await expect(right.ping()).resolves.toBeUndefined();
    } finally {
      await server.stop();
    }
  });
});

it("an unreachable Redis fails the readiness ping with a reason (and enqueue still stores the row at once)", async () => {
  const q = createRedisQueue({ url: "redis://127.0.0.1:1", prefix: PREFIX, commandTimeoutMs: 500 });
  opened.push(q);
  await expect(q.ping()).rejects.toThrow(/127\.0\.0\.1:1/);
  const { id } = await q.enqueue("redis-only.job", { n: 1 }); // the row is the truth; a reconcile dispatches it later
  expect(await db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "queued" });
  await db.job.delete({ where: { id } });
});
