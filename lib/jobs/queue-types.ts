import type { Db } from "@/lib/db";

export type EnqueueOptions = { priority?: number; maxAttempts?: number; runAfter?: Date; client?: Pick<Db, "job"> };
export type ClaimedJob = { id: string; type: string; payload: unknown; attempts: number; maxAttempts: number };

// One interface, two adapters: the database queue (embedded default) and Redis (scale option). In both, the Job row
// is the source of truth for state, progress, attempts and result (what the UI shows); Redis only carries dispatch.
export type JobQueue = {
  readonly kind: "database" | "redis";
  enqueue(type: string, payload: unknown, o?: EnqueueOptions): Promise<{ id: string }>;
  /** Takes one due job (highest priority, then oldest) under a lease; never the same job to two claimers. */
  claim(workerId: string, types?: string[]): Promise<ClaimedJob | null>;
  /** Records progress (0..1) and renews the lease. */
  progress(job: ClaimedJob, fraction: number, message?: string): Promise<void>;
  complete(job: ClaimedJob, result: unknown): Promise<void>;
  /** Retries with exponential backoff while attempts remain (and `retryable`), else fails for good. */
  fail(job: ClaimedJob, error: string, retryable: boolean): Promise<void>;
  close(): Promise<void>;
  /** Throws when the queue's backing service is unreachable (readiness). */
  ping(): Promise<void>;
};
