import { beforeAll, describe, expect, it } from "vitest";
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
  const type = { count: `${name}.count`, flaky: `${name}.flaky`, domain: `${name}.domain-error` };
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
  const row = (id: string) => db.job.findUniqueOrThrow({ where: { id } });

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
