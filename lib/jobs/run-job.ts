import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { jobHandler } from "@/lib/jobs/job-registry";
import type { ClaimedJob, JobQueue } from "@/lib/jobs/queue-types";

// Runs one claimed job through its handler. Invalid payloads and domain errors are not retried; crashes are.
export async function runClaimedJob(job: ClaimedJob, queue: JobQueue): Promise<void> {
  const handler = jobHandler(job.type);
  if (!handler) return queue.fail(job, `No handler for job type '${job.type}'.`, false);
  const started = Date.now();
  try {
    const payload = handler.schema.parse(job.payload);
    const result = await handler.run(payload, { jobId: job.id, attempt: job.attempts, progress: (f, m) => queue.progress(job, f, m) });
    await queue.complete(job, result);
    log.info("job succeeded", { jobId: job.id, type: job.type, ms: Date.now() - started });
  } catch (e) {
    // The shared contract: AppError("unavailable") is a backend that is down — transient, retried with backoff.
    // Recognised by name and code: a handler registered from another bundle throws that bundle's AppError class.
    const appCode = e instanceof Error && e.name === "AppError" ? (e as AppError).code : null;
    const permanent = e instanceof ZodError || (appCode !== null && appCode !== "unavailable");
    const message = e instanceof ZodError ? "invalid payload" : e instanceof Error ? e.message : String(e);
    log.warn("job failed", { jobId: job.id, type: job.type, attempt: job.attempts, permanent, error: message });
    await queue.fail(job, message.slice(0, 1000), !permanent);
  }
}
