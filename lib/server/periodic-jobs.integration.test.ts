import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { dbQueue } from "@/lib/jobs/db-queue";
import { registerJobHandler } from "@/lib/jobs/job-registry";
import { startJobWorker } from "@/lib/jobs/job-worker";
import type { JobQueue } from "@/lib/jobs/queue-types";
import { createRedisQueue, type RedisQueue } from "@/lib/jobs/redis-queue";
import { enqueuePeriodicJobs, type PeriodicJob } from "@/lib/server/periodic-jobs";
import { startPeriodicSchedulers } from "@/lib/server/periodic-schedulers";

// Many workers tick the schedule at once: each period's job is stored and run exactly once, on either queue.
const redisUrl = env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `cxrq-${randomUUID().slice(0, 8)}`;
const redisQueues: RedisQueue[] = Array.from({ length: 4 }, () => createRedisQueue({ url: redisUrl, prefix }));
const redisUp = await redisQueues[0]!.ping().then(
  () => true,
  () => false,
);
if (!redisUp && env.CI) throw new Error(`Redis is not reachable at ${redisUrl} and CI requires it.`);
afterAll(async () => {
  if (redisUp) {
    const keys = await redisQueues[0]!.redis.keys(`${prefix}:*`);
    if (keys.length) await redisQueues[0]!.redis.del(...keys);
  }
  await Promise.all(redisQueues.map((q) => q.close()));
});

const runs: string[] = [];
describe.each([
  ["database", [dbQueue, dbQueue, dbQueue, dbQueue], true],
  ["redis", redisQueues, redisUp],
] as [string, JobQueue[], boolean][])("periodic jobs on the %s queue", (name, queues, available) => {
  const type = `periodic-test.${name}`;
  registerJobHandler(type, { schema: z.object({}), run: async (_p, ctx) => void runs.push(ctx.jobId) });
  const schedule: PeriodicJob[] = [{ type, periodMs: 3_600_000, payload: {} }];

  it.skipIf(!available)("four workers ticking twice in one hour, then in the next: two jobs, each run once", async () => {
    const at = (iso: string) => new Date(iso);
    const ticks = ["2026-12-06T10:00:05Z", "2026-12-06T10:59:59Z", "2026-12-06T11:00:01Z"];
    for (const t of ticks)
      await Promise.all(queues.flatMap((q) => [enqueuePeriodicJobs(at(t), schedule, q), enqueuePeriodicJobs(at(t), schedule, q)]));
    const rows = await db.job.findMany({ where: { type }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.id)).toEqual([`${type}@20261206T100000`, `${type}@20261206T110000`]);
    const workers = queues.map((q) => startJobWorker({ queue: q, types: [type], pollMs: 20 }));
    await Promise.all(workers.map((w) => w.drain()));
    await Promise.all(workers.map((w) => w.stop()));
    expect(runs.filter((id) => id.startsWith(type)).sort()).toEqual([`${type}@20261206T100000`, `${type}@20261206T110000`]);
    expect((await db.job.findMany({ where: { type } })).every((r) => r.state === "succeeded" && r.attempts === 1)).toBe(true);
  });
});

describe.skipIf(!redisUp)("BullMQ job schedulers (Redis)", () => {
  const type = "periodic-test.scheduled";
  registerJobHandler(type, { schema: z.object({}), run: async () => null });

  it("four workers declare a 1 s schedule: one scheduler, one job per elapsed second", async () => {
    const started = Date.now();
    const handles = await Promise.all(redisQueues.map((q) => startPeriodicSchedulers(q, [{ type, periodMs: 1000, payload: {} }])));
    await new Promise((r) => setTimeout(r, 3500));
    await Promise.all(handles.map((h) => h.close()));
    const elapsedS = (Date.now() - started) / 1000;
    const tickQueue = new Queue("periodic-ticks", { connection: redisQueues[0]!.redis, prefix });
    expect(await tickQueue.getJobSchedulersCount()).toBe(1); // however many workers declared it
    await tickQueue.removeJobScheduler(type);
    await tickQueue.close();
    const rows = await db.job.findMany({ where: { type }, orderBy: { id: "asc" } });
    console.log(
      `[schedulers] ${rows.length} jobs in ${elapsedS.toFixed(1)} s from 4 workers: ${rows.map((r) => r.id.split("@")[1]).join(" ")}`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.length).toBeLessThanOrEqual(Math.ceil(elapsedS) + 1);
    expect(rows.every((r) => /@\d{8}T\d{6}$/.test(r.id))).toBe(true);
  });
});
