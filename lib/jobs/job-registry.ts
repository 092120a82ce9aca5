import type { z } from "zod";

export type JobContext = {
  jobId: string;
  attempt: number;
  /** Records progress (0..1) and an optional message; also renews the job's lease. */
  progress(fraction: number, message?: string): Promise<void>;
};

// Job families: each has its own queue (Redis) or claim loop (database) and its own concurrency in a worker, so a
// retraining run never holds a prediction. A type without a family is a test's own: it gets a queue of its own.
export const JOB_FAMILIES = ["predict", "review", "exports", "evaluation", "training", "pacs"] as const;
export type JobFamily = (typeof JOB_FAMILIES)[number];

export type JobHandler<S extends z.ZodType = z.ZodType> = {
  schema: S;
  family?: JobFamily;
  run(payload: z.infer<S>, ctx: JobContext): Promise<unknown>;
  /** Transient failures retry until JOB_RETRY_DEADLINE_MS ("deadline", the default), or only while the job's
   * maxAttempts remain ("attempts": the handler counts its own tries and shows them, e.g. a PACS push). */
  transientRetry?: "deadline" | "attempts";
  /** Called once when the job has failed for good (permanent error, attempts or retry deadline exhausted). */
  onFailed?(payload: z.infer<S>, error: string): Promise<void>;
};

// On globalThis: the web bundle (enqueue) and the instrumentation bundle (worker) must see the same registrations.
const HANDLERS = Symbol.for("cxr-review.jobs.handlers");
const handlers: Map<string, JobHandler> = ((globalThis as Record<symbol, unknown>)[HANDLERS] ??= new Map()) as Map<string, JobHandler>;

/** A job type's handler as its domain exports it; lib/server/job-handlers registers them all (wiring lives at the top). */
export type JobDefinition = JobHandler & { type: string };

// Typed in the domain (the payload type follows the schema), registered as a plain JobHandler by the wiring module.
export function defineJob<S extends z.ZodType>(type: string, handler: JobHandler<S>): JobDefinition {
  return { ...(handler as unknown as JobHandler), type };
}

// The wiring module (and a test's own job types) register here; the same handler runs on the database queue, Redis, or in tests.
export function registerJobHandler<S extends z.ZodType>(type: string, handler: JobHandler<S>): void {
  handlers.set(type, handler as unknown as JobHandler);
}

export function jobHandler(type: string): JobHandler | undefined {
  return handlers.get(type);
}

export function registeredJobTypes(): string[] {
  return [...handlers.keys()];
}

export function jobFamily(type: string): JobFamily | undefined {
  return handlers.get(type)?.family;
}

/** Registered types per family; types without one run with the review follow-ups. */
export function jobTypesByFamily(): Record<JobFamily, string[]> {
  const out = Object.fromEntries(JOB_FAMILIES.map((f) => [f, [] as string[]])) as Record<JobFamily, string[]>;
  for (const [type, h] of handlers) out[h.family ?? "review"].push(type);
  return out;
}
