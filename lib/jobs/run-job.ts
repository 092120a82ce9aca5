import { env } from "@/lib/env";
import { isZodError } from "@/lib/errors";
import { log } from "@/lib/log";
import { jobHandler } from "@/lib/jobs/job-registry";
import type { ClaimedJob, JobQueue } from "@/lib/jobs/queue-types";
import { decideRetry, type RetrySettings } from "@/lib/jobs/retry-policy";

export type RunOptions = { heartbeatMs?: number; retry?: RetrySettings };
/** How a run ended: done, queued again for a retry, or failed for good. */
export type RunOutcome = "succeeded" | "retrying" | "failed";

const settings = (): RetrySettings => ({
  baseMs: env.JOB_RETRY_BASE_MS,
  maxMs: env.JOB_RETRY_MAX_MS,
  deadlineMs: env.JOB_RETRY_DEADLINE_MS,
});

// Runs one claimed job through its handler under a heartbeat (the lease stays fresh however long the job runs), then
// completes it or hands the failure to the retry policy: transient → backoff until the deadline, permanent → failed.
export async function runClaimedJob(job: ClaimedJob, queue: JobQueue, o: RunOptions = {}): Promise<RunOutcome> {
  const handler = jobHandler(job.type);
  if (!handler) {
    await queue.fail(job, `No handler for job type '${job.type}'.`, null);
    return "failed";
  }
  const started = Date.now();
  const beat = setInterval(() => {
    queue.heartbeat(job).then(
      (held) => held || log.warn("job lease lost (taken over after expiry)", { jobId: job.id, type: job.type }),
      (e) => log.warn("job heartbeat failed", { jobId: job.id, error: (e as Error).message }),
    );
  }, o.heartbeatMs ?? env.JOB_HEARTBEAT_MS);
  beat.unref();
  try {
    const payload = handler.schema.parse(job.payload);
    const result = await handler.run(payload, { jobId: job.id, attempt: job.attempts, progress: (f, m) => queue.progress(job, f, m) });
    clearInterval(beat);
    await queue.complete(job, result);
    log.info("job succeeded", { jobId: job.id, type: job.type, ms: Date.now() - started });
    return "succeeded";
  } catch (e) {
    clearInterval(beat);
    const decision = decideRetry(e, job, o.retry ?? settings(), new Date(), Math.random, handler.transientRetry);
    const message = (isZodError(e) ? "invalid payload" : e instanceof Error ? e.message : String(e)).slice(0, 1000);
    log.warn("job failed", {
      jobId: job.id,
      type: job.type,
      attempt: job.attempts,
      kind: decision.kind,
      retryAt: decision.retryAt?.toISOString() ?? null,
      error: message,
    });
    await queue.fail(job, message, decision.retryAt);
    if (!decision.retryAt) await notifyFailed(job, message);
    return decision.retryAt ? "retrying" : "failed";
  }
}

async function notifyFailed(job: ClaimedJob, message: string) {
  const handler = jobHandler(job.type);
  const parsed = handler?.schema.safeParse(job.payload);
  if (!handler?.onFailed || !parsed?.success) return;
  await handler
    .onFailed(parsed.data, message)
    .catch((e) => log.error("job onFailed hook failed", { jobId: job.id, type: job.type, error: (e as Error).message }));
}
