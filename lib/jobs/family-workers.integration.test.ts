import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { dbQueue } from "@/lib/jobs/db-queue";
import { startFamilyWorkers } from "@/lib/jobs/family-workers";
import { registerJobHandler } from "@/lib/jobs/job-registry";
import type { JobQueue } from "@/lib/jobs/queue-types";
import { createRedisQueue } from "@/lib/jobs/redis-queue";

// A long training-family job holds its family's only slot while a prediction-family job is enqueued and completes:
// the families have separate claim loops (database) and separate BullMQ queues (Redis).
const redisUrl = env.REDIS_URL ?? "redis://127.0.0.1:6379";
const redis = createRedisQueue({ url: redisUrl, prefix: `cxrq-${randomUUID().slice(0, 8)}` });
const redisUp = await redis.ping().then(
  () => true,
  () => false,
);
if (!redisUp && env.CI) throw new Error(`Redis is not reachable at ${redisUrl} and CI requires it.`);
afterAll(async () => {
  if (redisUp) {
    const keys = await redis.redis.keys(`${redis.prefix}:*`);
    if (keys.length) await redis.redis.del(...keys);
  }
  await redis.close();
});

const releases = new Map<string, () => void>();
registerJobHandler("family-test.train", {
  schema: z.object({ key: z.string() }),
  family: "training",
  run: ({ key }) => new Promise<string>((resolve) => releases.set(key, () => resolve("trained"))),
});
registerJobHandler("family-test.predict", { schema: z.object({ n: z.number() }), family: "predict", run: async ({ n }) => ({ n }) });

const state = async (id: string) => (await db.job.findUniqueOrThrow({ where: { id } })).state;

describe.each([
  ["database", dbQueue, true],
  ["redis", redis, redisUp],
] as [string, JobQueue, boolean][])("job families on the %s queue", (name, queue, available) => {
  it.skipIf(!available)("a training run holding its slot does not delay a prediction", async () => {
    const workers = startFamilyWorkers({ queue, pollMs: 20, concurrency: { predict: 1, training: 1 }, run: { heartbeatMs: 100 } });
    const key = `${name}-${randomUUID()}`;
    try {
      const train = await queue.enqueue("family-test.train", { key });
      await vi.waitFor(async () => expect(releases.has(key)).toBe(true), { timeout: 10_000, interval: 20 });
      const started = Date.now();
      const predict = await queue.enqueue("family-test.predict", { n: 1 });
      await vi.waitFor(async () => expect(await state(predict.id)).toBe("succeeded"), { timeout: 10_000, interval: 20 });
      console.log(`[families/${name}] prediction done ${Date.now() - started} ms after enqueue while training runs`);
      expect(await state(train.id)).toBe("running"); // still holding the training slot
      releases.get(key)!();
      await vi.waitFor(async () => expect(await state(train.id)).toBe("succeeded"), { timeout: 10_000, interval: 20 });
    } finally {
      releases.get(key)?.();
      await workers.stop();
    }
  });
});
