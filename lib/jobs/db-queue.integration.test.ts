import { describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { claimNextJob, enqueueJob, LEASE_MS } from "@/lib/jobs/db-queue";
import { registerJobHandler } from "@/lib/jobs/job-registry";
import { startJobWorker } from "@/lib/jobs/job-worker";

const runs: number[] = [];
registerJobHandler("test.count", {
  schema: z.object({ n: z.number().int() }),
  async run({ n }, ctx) {
    await ctx.progress(0.5, "halfway");
    runs.push(n);
    return { doubled: n * 2 };
  },
});
let flaky = 0;
registerJobHandler("test.flaky", {
  schema: z.object({}),
  async run() {
    if (++flaky < 2) throw new Error("transient crash");
    return "ok";
  },
});
registerJobHandler("test.domain-error", {
  schema: z.object({}),
  async run() {
    throw new AppError("unprocessable", "bad image");
  },
});

describe("database job queue", () => {
  it("runs each job exactly once with two competing workers, storing result and progress", async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, (_, n) => enqueueJob("test.count", { n })));
    const a = startJobWorker({ concurrency: 2, pollMs: 20, types: ["test.count"] });
    const b = startJobWorker({ concurrency: 2, pollMs: 20, types: ["test.count"] });
    await a.drain();
    await b.drain();
    await Promise.all([a.stop(), b.stop()]);
    expect([...runs].sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, n) => n));
    const job = await db.job.findUniqueOrThrow({ where: { id: ids[3]!.id } });
    expect(job).toMatchObject({ state: "succeeded", progress: 1, attempts: 1, result: { doubled: 6 } });
  });

  it("refuses an invalid payload or an unknown type at enqueue time", async () => {
    await expect(enqueueJob("test.count", { n: "x" })).rejects.toBeInstanceOf(z.ZodError);
    await expect(enqueueJob("nope", {})).rejects.toMatchObject({ code: "bad_request" });
  });

  it("retries a crash with backoff, and fails a domain error at once with its reason", async () => {
    const flakyJob = await enqueueJob("test.flaky", {});
    const bad = await enqueueJob("test.domain-error", {});
    const w = startJobWorker({ pollMs: 20, types: ["test.flaky", "test.domain-error"] });
    await w.drain();
    expect(await db.job.findUniqueOrThrow({ where: { id: bad.id } })).toMatchObject({ state: "failed", error: "bad image", attempts: 1 });
    const first = await db.job.findUniqueOrThrow({ where: { id: flakyJob.id } });
    expect(first).toMatchObject({ state: "queued", attempts: 1, error: "transient crash" });
    await db.job.update({ where: { id: flakyJob.id }, data: { runAfter: new Date() } }); // skip the backoff wait
    await w.drain();
    await w.stop();
    expect(await db.job.findUniqueOrThrow({ where: { id: flakyJob.id } })).toMatchObject({ state: "succeeded", attempts: 2 });
  });

  it("reclaims a job whose worker died (expired lease), so work survives a restart", async () => {
    const j = await enqueueJob("test.count", { n: 99 });
    await db.job.update({ where: { id: j.id }, data: { state: "running", lockedBy: "dead", lockedAt: new Date(Date.now() - LEASE_MS - 1000) } });
    const claimed = await claimNextJob("alive", ["test.count"]);
    expect(claimed?.id).toBe(j.id);
    expect(await claimNextJob("other", ["test.count"])).toBeNull();
  });
});
