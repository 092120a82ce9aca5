import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { registerJobHandler } from "@/lib/jobs/job-registry";
import { startJobWorker } from "@/lib/jobs/job-worker";
import type { JobQueue } from "@/lib/jobs/queue-types";

export type QueueUnderTest = {
  queue: JobQueue;
  /** Makes a claimed job's lease look expired, as if its worker died long ago. */
  expireLease(id: string): Promise<void>;
  /** Makes a job waiting for its retry backoff due now. */
  skipBackoff(id: string): Promise<void>;
};

// The behaviour every queue adapter must have; each adapter's integration test runs it. Job types are per adapter
// (`<name>.count` …), so one adapter's workers never take the other's jobs in the shared test database.
export function describeQueueContract(name: string, setup: () => Promise<QueueUnderTest>) {
  const runs: number[] = [];
  let flaky = 0;
  const type = {
    count: `${name}.count`,
    flaky: `${name}.flaky`,
    domain: `${name}.domain-error`,
    outage: `${name}.outage`,
    slow: `${name}.slow`,
  };
  // A backend that is down for the first `failures` calls of each job (keyed by payload), as a stopped server would be.
  const outageCalls = new Map<string, number>();
  const failedHook: string[] = [];
  let releaseSlow: (() => void) | undefined;
  registerJobHandler(type.count, {
    schema: z.object({ n: z.number().int() }),
    async run({ n }, ctx) {
      await ctx.progress(0.5, "halfway");
      runs.push(n);
      return { doubled: n * 2 };
    },
  });
  registerJobHandler(type.flaky, {
    schema: z.object({}),
    async run() {
      if (++flaky < 2) throw new Error("transient crash");
      return "ok";
    },
  });
  registerJobHandler(type.domain, {
    schema: z.object({}),
    async run() {
      throw new AppError("unprocessable", "bad image");
    },
  });
  registerJobHandler(type.outage, {
    schema: z.object({ key: z.string(), failures: z.number().int() }),
    async run({ key, failures }) {
      const n = (outageCalls.get(key) ?? 0) + 1;
      outageCalls.set(key, n);
      if (n <= failures) throw new AppError("unavailable", "Inference server unreachable: connect ECONNREFUSED");
      return { calls: n };
    },
    async onFailed({ key }, error) {
      failedHook.push(`${key}: ${error}`);
    },
  });
  registerJobHandler(type.slow, {
    schema: z.object({}),
    run: () => new Promise<string>((resolve) => (releaseSlow = () => resolve("done"))),
  });
  const row = (id: string) => db.job.findUniqueOrThrow({ where: { id } });
  const fastRetry = { heartbeatMs: 50, retry: { baseMs: 10, maxMs: 40, deadlineMs: 60_000 } };

  describe(`${name} job queue (shared contract)`, () => {
    let t: QueueUnderTest;
    beforeAll(async () => {
      t = await setup();
    });

    it("runs each job exactly once with two competing workers, storing result and progress", async () => {
      const ids = await Promise.all(Array.from({ length: 12 }, (_, n) => t.queue.enqueue(type.count, { n })));
      const a = startJobWorker({ concurrency: 2, pollMs: 20, types: [type.count], queue: t.queue });
      const b = startJobWorker({ concurrency: 2, pollMs: 20, types: [type.count], queue: t.queue });
      await a.drain();
      await b.drain();
      await Promise.all([a.stop(), b.stop()]);
      expect([...runs].sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, n) => n));
      expect(await row(ids[3]!.id)).toMatchObject({ state: "succeeded", progress: 1, attempts: 1, result: { doubled: 6 } });
    });

    it("refuses an invalid payload or an unknown type at enqueue time, storing nothing", async () => {
      const before = await db.job.count();
      await expect(t.queue.enqueue(type.count, { n: "x" })).rejects.toBeInstanceOf(z.ZodError);
      await expect(t.queue.enqueue("nope", {})).rejects.toMatchObject({ code: "bad_request" });
      expect(await db.job.count()).toBe(before);
    });

    it("retries a crash with backoff, and fails a domain error at once with its reason", async () => {
      const flakyJob = await t.queue.enqueue(type.flaky, {});
      const bad = await t.queue.enqueue(type.domain, {});
      const w = startJobWorker({ pollMs: 20, types: [type.flaky, type.domain], queue: t.queue });
      await w.drain();
      expect(await row(bad.id)).toMatchObject({ state: "failed", error: "bad image", attempts: 1 });
      const first = await row(flakyJob.id);
      expect(first).toMatchObject({ state: "queued", attempts: 1, error: "transient crash" });
      expect(first.runAfter.getTime()).toBeGreaterThan(Date.now()); // backing off
      await t.skipBackoff(flakyJob.id);
      await w.drain();
      await w.stop();
      expect(await row(flakyJob.id)).toMatchObject({ state: "succeeded", attempts: 2 });
    });

    it("retries a backend outage with capped backoff past maxAttempts, until the backend is back", async () => {
      const j = await t.queue.enqueue(type.outage, { key: `${name}-back`, failures: 5 }, { maxAttempts: 2 });
      const w = startJobWorker({ pollMs: 10, types: [type.outage], queue: t.queue, run: fastRetry });
      try {
        await vi.waitFor(async () => expect((await row(j.id)).state).toBe("succeeded"), { timeout: 10_000, interval: 50 });
      } finally {
        await w.stop();
      }
      expect(await row(j.id)).toMatchObject({ state: "succeeded", attempts: 6, result: { calls: 6 } });
      expect(failedHook).toEqual([]);
    });

    it("fails a transient failure for good once its retry deadline has passed, and tells the handler", async () => {
      const j = await t.queue.enqueue(type.outage, { key: `${name}-never`, failures: 1000 });
      const w = startJobWorker({
        pollMs: 10,
        types: [type.outage],
        queue: t.queue,
        run: { ...fastRetry, retry: { baseMs: 10, maxMs: 40, deadlineMs: 300 } },
      });
      try {
        await vi.waitFor(async () => expect((await row(j.id)).state).toBe("failed"), { timeout: 10_000, interval: 50 });
      } finally {
        await w.stop();
      }
      const failed = await row(j.id);
      expect(failed.attempts).toBeGreaterThan(3); // it did keep retrying until the deadline
      expect(failed.error).toMatch(/unreachable/);
      expect(failedHook).toEqual([`${name}-never: ${failed.error}`]);
    });

    it("heartbeats renew a long job's lease; after a takeover the old holder learns it lost the job", async () => {
      const j = await t.queue.enqueue(type.slow, {});
      const w = startJobWorker({ pollMs: 10, types: [type.slow], queue: t.queue, run: fastRetry });
      try {
        const first = await vi.waitFor(async () => {
          const r = await row(j.id);
          if (r.state !== "running" || !r.lockedAt) throw new Error("not running yet");
          return r.lockedAt.getTime();
        });
        await vi.waitFor(async () => expect((await row(j.id)).lockedAt!.getTime()).toBeGreaterThan(first + 100), {
          timeout: 5000,
          interval: 50,
        });
      } finally {
        releaseSlow?.();
        await w.stop();
      }
      expect(await row(j.id)).toMatchObject({ state: "succeeded", attempts: 1 });
      // A holder that stopped beating (killed): its lease expires, another worker takes over, the old one is told.
      const k = await t.queue.enqueue(type.count, { n: 7 });
      const dead = await t.queue.claim("dead", [type.count]);
      await t.expireLease(k.id);
      const alive = await t.queue.claim("alive", [type.count]);
      expect(alive).toMatchObject({ id: k.id, workerId: "alive", attempts: 2 });
      expect(await t.queue.heartbeat(dead!)).toBe(false);
      expect(await t.queue.heartbeat(alive!)).toBe(true);
      await t.queue.complete(alive!, null);
    });

    it("claims the highest priority first, then the oldest, and nothing before its run-after time", async () => {
      const later = await t.queue.enqueue(type.count, { n: 1 }, { runAfter: new Date(Date.now() + 60_000) });
      const low = await t.queue.enqueue(type.count, { n: 2 });
      const high = await t.queue.enqueue(type.count, { n: 3 }, { priority: 5 });
      const low2 = await t.queue.enqueue(type.count, { n: 4 });
      const order = [];
      for (let job = await t.queue.claim("w", [type.count]); job; job = await t.queue.claim("w", [type.count])) {
        order.push(job.id);
        await t.queue.complete(job, null);
      }
      expect(order).toEqual([high.id, low.id, low2.id]);
      expect(await row(later.id)).toMatchObject({ state: "queued", attempts: 0 });
      await db.job.delete({ where: { id: later.id } });
    });

    it("reclaims a job whose worker died (expired lease), so work survives a restart", async () => {
      const j = await t.queue.enqueue(type.count, { n: 99 });
      const dead = await t.queue.claim("dead", [type.count]);
      expect(dead?.id).toBe(j.id);
      expect(await t.queue.claim("alive", [type.count])).toBeNull(); // leased
      await t.expireLease(j.id);
      const claimed = await t.queue.claim("alive", [type.count]);
      expect(claimed).toMatchObject({ id: j.id, attempts: 2 });
      expect(await t.queue.claim("other", [type.count])).toBeNull();
      await t.queue.progress(claimed!, 0.25, "working");
      expect(await row(j.id)).toMatchObject({ state: "running", lockedBy: "alive", progress: 0.25, message: "working" });
      await t.queue.complete(claimed!, { ok: true });
      expect(await row(j.id)).toMatchObject({ state: "succeeded", result: { ok: true } });
    });
  });
}
