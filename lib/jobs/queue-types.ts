import type { Db } from "@/lib/db";

export type EnqueueOptions = {
  priority?: number;
  maxAttempts?: number;
  runAfter?: Date;
  client?: Pick<Db, "job">;
  /** A unique key (stored as the row id; no ':'): a second enqueue with the same key returns the first job. */
  key?: string;
};
export type ClaimedJob = {
  id: string;
  type: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  /** When the job was enqueued: transient retries stop at createdAt + JOB_RETRY_DEADLINE_MS. */
  createdAt: Date;
  /** The worker holding the lease (heartbeats renew only its own lease). */
  workerId: string;
};

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
  /** Queues the job again at `retryAt` (the runner's retry policy decides it), or fails it for good when null. */
  fail(job: ClaimedJob, error: string, retryAt: Date | null): Promise<void>;
  /** Renews the lease of a running job; false when this worker no longer holds it (taken over after expiry). */
  heartbeat(job: ClaimedJob): Promise<boolean>;
  close(): Promise<void>;
  /** Throws when the queue's backing service is unreachable (readiness). */
  ping(): Promise<void>;
};
