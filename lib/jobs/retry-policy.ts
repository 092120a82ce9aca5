import { classifyFailure, type FailureKind } from "@/lib/transient-error";

// When (if ever) a failed job runs again. Transient failures (a backend down, a timeout, a busy database) retry with
// capped exponential backoff until the deadline, however many attempts that takes; crashes of unknown kind retry
// while attempts remain (a bug should not loop forever); permanent failures (bad input) never retry. A job enqueued
// with maxAttempts 1 runs once whatever happens (a periodic poll, whose next run is already on its way).

export type RetrySettings = { baseMs: number; maxMs: number; deadlineMs: number };
export type FailedJob = { attempts: number; maxAttempts: number; createdAt: Date };

/** The wait before attempt `attempts + 1`: base · 2^(attempts−1), capped, less up to 20 % jitter so retries spread. */
export function backoffMs(attempts: number, s: Pick<RetrySettings, "baseMs" | "maxMs">, random = Math.random): number {
  const raw = Math.min(s.maxMs, s.baseMs * 2 ** Math.max(0, Math.min(30, attempts - 1)));
  return Math.round(raw * (1 - 0.2 * random()));
}

export type RetryDecision = { kind: FailureKind; retryAt: Date | null; reason: string };

export function decideRetry(
  e: unknown,
  job: FailedJob,
  s: RetrySettings,
  now = new Date(),
  random = Math.random,
  transient: "deadline" | "attempts" = "deadline",
): RetryDecision {
  const kind = classifyFailure(e);
  if (kind === "permanent") return { kind, retryAt: null, reason: "permanent failure" };
  if (job.maxAttempts <= 1) return { kind, retryAt: null, reason: "single attempt" };
  const at = new Date(now.getTime() + backoffMs(job.attempts, s, random));
  if (kind === "unknown")
    return job.attempts < job.maxAttempts
      ? { kind, retryAt: at, reason: "retrying a crash" }
      : { kind, retryAt: null, reason: "attempts exhausted" };
  if (transient === "attempts" && job.attempts >= job.maxAttempts) return { kind, retryAt: null, reason: "attempts exhausted" };
  const deadline = job.createdAt.getTime() + s.deadlineMs;
  return at.getTime() <= deadline
    ? { kind, retryAt: at, reason: "backend unavailable, retrying" }
    : { kind, retryAt: null, reason: "retry deadline passed" };
}
