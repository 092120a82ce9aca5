import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { registerJobHandler } from "@/lib/jobs/job-registry";
import { createRedisQueue, type RedisQueue } from "@/lib/jobs/redis-queue";
import { RedisClient, RespError } from "@/lib/jobs/resp-client";
import { describeQueueContract } from "@/lib/jobs/testing/queue-contract";

// Real Redis (127.0.0.1:6379 on this machine kind and in CI). Each run uses its own key prefix and removes it after.
const URL = env.REDIS_URL ?? "redis://127.0.0.1:6379";
const PREFIX = `cxr-test:${randomUUID()}`;
const probe = new RedisClient(URL, 1000);
const reachable = await probe.send("PING").then(() => true, () => false);
if (!reachable && env.CI) throw new Error(`Redis is not reachable at ${URL} and CI requires it.`);
if (!reachable) console.warn(`[lib/jobs] Redis is not reachable at ${URL}: the Redis queue tests are skipped (start redis-server to run them)`);

const opened: RedisQueue[] = [];
const open = (o: { leaseMs?: number } = {}) => {
  const q = createRedisQueue({ url: URL, prefix: PREFIX, ...o });
  opened.push(q);
  return q;
};
afterAll(async () => {
  if (!reachable) return;
  const keys = (await probe.send("KEYS", `${PREFIX}:*`)) as string[];
  if (keys.length) await probe.send("DEL", ...keys);
  await Promise.all([...opened.map((q) => q.close()), probe.quit()]);
});

registerJobHandler("redis-only.job", { schema: z.object({ n: z.number() }), run: async () => null });
const T = ["redis-only.job"];

describe.skipIf(!reachable)("Redis job queue", () => {
  const main = open();
  describeQueueContract("redis", async () => ({
    queue: main,
    expireLease: async (id) => {
      await db.job.update({ where: { id }, data: { lockedAt: new Date(Date.now() - 10 * 60_000) } });
      await main.redis.send("ZADD", main.keys.leases, 0, id);
    },
    skipBackoff: async (id) => {
      await db.job.update({ where: { id }, data: { runAfter: new Date() } });
      await main.redis.send("ZADD", main.keys.delayed, 0, id);
    },
  }));

  it("concurrent claimers on separate connections never take one job twice", async () => {
    const ids = new Set((await Promise.all(Array.from({ length: 40 }, (_, n) => main.enqueue("redis-only.job", { n })))).map((j) => j.id));
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
    await Promise.all(all.map((id, i) => claimers[i % 5]!.complete({ id, type: T[0]!, payload: {}, attempts: 1, maxAttempts: 3, createdAt: new Date(), workerId: `c${i % 5}` }, null)));
    expect(await main.redis.send("ZCARD", main.keys.leases)).toBe(0);
  });

  it("restart: a worker dies holding a job; after its lease expires a new process claims it", async () => {
    const before = open({ leaseMs: 300 });
    const j = await before.enqueue("redis-only.job", { n: 1 });
    expect((await before.claim("doomed", T))?.id).toBe(j.id);
    await before.close(); // the process is gone without completing
    const after = open({ leaseMs: 300 });
    expect(await after.claim("successor", T)).toBeNull(); // still leased
    const again = await vi.waitFor(async () => {
      const job = await after.claim("successor", T);
      if (!job) throw new Error("not yet reclaimed");
      return job;
    }, { timeout: 5000, interval: 100 });
    expect(again).toMatchObject({ id: j.id, attempts: 2 });
    await after.complete(again, "done");
    expect(await db.job.findUniqueOrThrow({ where: { id: j.id } })).toMatchObject({ state: "succeeded", lockedBy: "successor" });
    expect(await after.redis.send("HEXISTS", after.keys.meta, j.id)).toBe(0);
  });

  it("Redis restarted empty: the reconcile pass re-dispatches queued jobs from the database", async () => {
    const q = open();
    await q.claim("warm", T); // first claim reconciles; the next one will not for a while
    const ids = (await Promise.all([1, 2, 3].map((n) => q.enqueue("redis-only.job", { n })))).map((j) => j.id);
    const keys = (await q.redis.send("KEYS", `${PREFIX}:*`)) as string[];
    await q.redis.send("DEL", ...keys);
    expect(await q.claim("w", T)).toBeNull();
    expect(await q.reconcile()).toBeGreaterThanOrEqual(3);
    const got = [await q.claim("w", T), await q.claim("w", T), await q.claim("w", T)].map((j) => j?.id);
    expect(got.sort()).toEqual([...ids].sort());
  });

  it("a job enqueued inside a transaction is dispatched once the transaction has committed", async () => {
    const q = open();
    const { id } = await db.$transaction((tx) => q.enqueue("redis-only.job", { n: 7 }, { client: tx }));
    const job = await vi.waitFor(async () => {
      const j = await q.claim("w", T);
      if (!j) throw new Error("not dispatched yet");
      return j;
    }, { timeout: 5000, interval: 100 });
    expect(job.id).toBe(id);
  });

  it("the RESP client reads every reply kind and reconnects after the server drops it", async () => {
    const c = new RedisClient(URL);
    const key = `${PREFIX}:resp`;
    expect(await c.send("SET", key, "héllo\r\nworld")).toBe("OK");
    expect(await c.send("GET", key)).toBe("héllo\r\nworld");
    expect(await c.send("GET", `${key}:missing`)).toBeNull();
    expect(await c.send("RPUSH", `${key}:list`, "a", "", "c")).toBe(3);
    expect(await c.send("LRANGE", `${key}:list`, 0, -1)).toEqual(["a", "", "c"]);
    await expect(c.send("INCR", key)).rejects.toBeInstanceOf(RespError);
    const id = await c.send("CLIENT", "ID");
    await probe.send("CLIENT", "KILL", "ID", id as number);
    await expect.poll(() => c.send("PING").catch((e: Error) => e.message)).toBe("PONG");
    await c.quit();
  });
});

it("an unreachable Redis fails the readiness ping with a reason (and enqueue still stores the row)", async () => {
  const q = createRedisQueue({ url: "redis://127.0.0.1:1", prefix: PREFIX });
  await expect(q.ping()).rejects.toThrow(/127\.0\.0\.1:1/);
  const { id } = await q.enqueue("redis-only.job", { n: 1 }); // the row is the truth; a reconcile dispatches it later
  expect(await db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "queued" });
  await db.job.delete({ where: { id } });
});
