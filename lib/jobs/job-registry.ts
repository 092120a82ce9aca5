import type { z } from "zod";

export type JobContext = {
  jobId: string;
  attempt: number;
  /** Records progress (0..1) and an optional message; also renews the job's lease. */
  progress(fraction: number, message?: string): Promise<void>;
};

export type JobHandler<S extends z.ZodType = z.ZodType> = {
  schema: S;
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

// Job types register their zod schema and service; the same handler runs on the database queue, Redis, or in tests.
export function registerJobHandler<S extends z.ZodType>(type: string, handler: JobHandler<S>): void {
  handlers.set(type, handler as unknown as JobHandler);
}

export function jobHandler(type: string): JobHandler | undefined {
  return handlers.get(type);
}

export function registeredJobTypes(): string[] {
  return [...handlers.keys()];
}
