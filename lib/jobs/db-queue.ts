import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { jobHandler } from "@/lib/jobs/job-registry";

import type { Db } from "@/lib/db";

export type EnqueueOptions = { priority?: number; maxAttempts?: number; runAfter?: Date; client?: Pick<Db, "job"> };
export const LEASE_MS = 5 * 60_000;

// The embedded queue: jobs are rows, so they survive restarts; the payload is validated before it is stored.
// Pass `client` (a transaction) to enqueue atomically with the rows the job is about.
export async function enqueueJob(type: string, payload: unknown, o: EnqueueOptions = {}): Promise<{ id: string }> {
  const handler = jobHandler(type);
  if (!handler) throw new AppError("bad_request", `Unknown job type '${type}'.`);
  const data = handler.schema.parse(payload);
  const job = await (o.client ?? db).job.create({
    data: { type, payload: data as never, priority: o.priority ?? 0, maxAttempts: o.maxAttempts ?? 3, runAfter: o.runAfter ?? new Date() },
    select: { id: true },
  });
  return job;
}

export type ClaimedJob = { id: string; type: string; payload: unknown; attempts: number; maxAttempts: number };

// Claims one due job with a conditional update, so two workers never run the same job. Expired leases are reclaimed.
export async function claimNextJob(workerId: string, types?: string[]): Promise<ClaimedJob | null> {
  const now = new Date();
  for (let tries = 0; tries < 5; tries++) {
    const candidate = await db.job.findFirst({
      where: {
        type: types ? { in: types } : undefined,
        OR: [{ state: "queued", runAfter: { lte: now } }, { state: "running", lockedAt: { lt: new Date(now.getTime() - LEASE_MS) } }],
      },
      orderBy: [{ priority: "desc" }, { createdAt: "asc" }],
    });
    if (!candidate) return null;
    const won = await db.job.updateMany({
      where: { id: candidate.id, state: candidate.state, lockedAt: candidate.lockedAt },
      data: { state: "running", lockedAt: now, lockedBy: workerId, attempts: { increment: 1 } },
    });
    if (won.count === 1) return { id: candidate.id, type: candidate.type, payload: candidate.payload, attempts: candidate.attempts + 1, maxAttempts: candidate.maxAttempts };
  }
  return null;
}

export async function completeJob(id: string, result: unknown): Promise<void> {
  await db.job.update({ where: { id }, data: { state: "succeeded", progress: 1, result: (result ?? null) as never, finishedAt: new Date(), lockedAt: null, error: null } });
}

// Retries with exponential backoff until maxAttempts, then fails for good with the reason kept.
export async function failJob(job: ClaimedJob, error: string, retryable: boolean): Promise<void> {
  const again = retryable && job.attempts < job.maxAttempts;
  await db.job.update({
    where: { id: job.id },
    data: again
      ? { state: "queued", error, lockedAt: null, lockedBy: null, runAfter: new Date(Date.now() + 2 ** job.attempts * 1000) }
      : { state: "failed", error, lockedAt: null, finishedAt: new Date() },
  });
}

export async function reportProgress(id: string, fraction: number, message?: string): Promise<void> {
  await db.job.update({ where: { id }, data: { progress: Math.max(0, Math.min(1, fraction)), message, lockedAt: new Date() } });
}
