import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { jobHandler } from "@/lib/jobs/job-registry";
import type { ClaimedJob, EnqueueOptions, JobQueue } from "@/lib/jobs/queue-types";

export type { ClaimedJob, EnqueueOptions } from "@/lib/jobs/queue-types";
// A running job's lease: heartbeats renew it every JOB_HEARTBEAT_MS, so only a dead worker's lease runs out.
export const LEASE_MS = env.JOB_LEASE_MS;

type JobRow = { id: string; type: string; priority: number; runAfter: Date; createdAt: Date; state: string };

// Jobs are rows, so they survive restarts; the payload is validated before it is stored.
// Pass `client` (a transaction) to enqueue atomically with the rows the job is about.
export async function createJobRow(type: string, payload: unknown, o: EnqueueOptions = {}): Promise<JobRow> {
  const handler = jobHandler(type);
  if (!handler) throw new AppError("bad_request", `Unknown job type '${type}'.`);
  const data = handler.schema.parse(payload);
  const client = o.client ?? db;
  const select = { id: true, type: true, priority: true, runAfter: true, createdAt: true, state: true } as const;
  try {
    return await client.job.create({
      data: {
        id: o.key,
        type,
        payload: data as never,
        priority: o.priority ?? 0,
        maxAttempts: o.maxAttempts ?? 3,
        runAfter: o.runAfter ?? new Date(),
      },
      select,
    });
  } catch (e) {
    // A keyed job (one per period): whoever inserted it first owns it, everyone else gets that row.
    if (o.key && (e as { code?: string } | null)?.code === "P2002") return client.job.findUniqueOrThrow({ where: { id: o.key }, select });
    throw e;
  }
}

async function enqueueDbJob(type: string, payload: unknown, o: EnqueueOptions = {}): Promise<{ id: string }> {
  const { id } = await createJobRow(type, payload, o);
  return { id };
}

const claimable = (now: Date, leaseMs: number) => [
  { state: "queued", runAfter: { lte: now } },
  { state: "running", lockedAt: { lt: new Date(now.getTime() - leaseMs) } },
];

// The conditional update both adapters end with: only one claimer moves a given row to running.
export async function claimJobRow(id: string, workerId: string, leaseMs = LEASE_MS): Promise<ClaimedJob | null> {
  const now = new Date();
  const row = await db.job.findFirst({ where: { id, OR: claimable(now, leaseMs) } });
  if (!row) return null;
  const won = await db.job.updateMany({
    where: { id, state: row.state, lockedAt: row.lockedAt },
    data: { state: "running", lockedAt: now, lockedBy: workerId, attempts: { increment: 1 } },
  });
  if (won.count !== 1) return null;
  return {
    id,
    type: row.type,
    payload: row.payload,
    attempts: row.attempts + 1,
    maxAttempts: row.maxAttempts,
    createdAt: row.createdAt,
    workerId,
  };
}

// Claims one due job; two workers never run the same job. Expired leases are reclaimed.
export async function claimNextJob(workerId: string, types?: string[]): Promise<ClaimedJob | null> {
  for (let tries = 0; tries < 5; tries++) {
    const candidate = await db.job.findFirst({
      where: { type: types ? { in: types } : undefined, OR: claimable(new Date(), LEASE_MS) },
      orderBy: [{ priority: "desc" }, { createdAt: "asc" }],
      select: { id: true },
    });
    if (!candidate) return null;
    const claimed = await claimJobRow(candidate.id, workerId);
    if (claimed) return claimed;
  }
  return null;
}

export async function completeJob(id: string, result: unknown): Promise<void> {
  await db.job.update({
    where: { id },
    data: { state: "succeeded", progress: 1, result: (result ?? null) as never, finishedAt: new Date(), lockedAt: null, error: null },
  });
}

// Queues the job again at `runAfter` (the runner's retry policy chose it) or fails it for good, keeping the reason.
export async function failJob(job: ClaimedJob, error: string, runAfter: Date | null): Promise<void> {
  await db.job.update({
    where: { id: job.id },
    data: runAfter
      ? { state: "queued", error, lockedAt: null, lockedBy: null, runAfter }
      : { state: "failed", error, lockedAt: null, finishedAt: new Date() },
  });
}

// Renews the lease only while this worker still holds it: after a takeover the old holder learns it lost the job.
export async function renewLease(job: ClaimedJob): Promise<boolean> {
  const r = await db.job.updateMany({ where: { id: job.id, state: "running", lockedBy: job.workerId }, data: { lockedAt: new Date() } });
  return r.count === 1;
}

export async function reportProgress(id: string, fraction: number, message?: string): Promise<void> {
  await db.job.update({ where: { id }, data: { progress: Math.max(0, Math.min(1, fraction)), message, lockedAt: new Date() } });
}

// The embedded default: workers poll the table.
export const dbQueue: JobQueue = {
  kind: "database",
  enqueue: enqueueDbJob,
  claim: claimNextJob,
  progress: (job, f, m) => reportProgress(job.id, f, m),
  complete: (job, result) => completeJob(job.id, result),
  fail: (job, error, retryAt) => failJob(job, error, retryAt),
  heartbeat: renewLease,
  close: async () => undefined,
  ping: async () => undefined, // the database has its own readiness check
};
