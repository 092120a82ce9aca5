import { env } from "@/lib/env";
import { log } from "@/lib/log";
import type { JobQueue } from "@/lib/jobs/queue-types";
import { isRedisAuthError } from "@/lib/jobs/redis-connection";

export class FatalStartupError extends Error {
  readonly code = "fatal_startup";
}

// A worker's first contact with its queue. Wrong credentials cannot heal by retrying: stop with one clear message
// (the process exits non-zero) instead of logging a refusal every second. An unreachable Redis may come back: warn
// and carry on (dispatch waits; the rows keep every job).
export async function checkQueueAtStart(queue: JobQueue): Promise<void> {
  try {
    await queue.ping();
  } catch (e) {
    const message = (e as Error).message;
    if (isRedisAuthError(e))
      throw new FatalStartupError(
        `The job queue's Redis refused the credentials in REDIS_URL (${message}). Fix REDIS_URL (user and password); not retrying.`,
      );
    log.warn("job queue unreachable at start; retrying in the background", {
      queue: queue.kind,
      timeoutMs: env.REDIS_COMMAND_TIMEOUT_MS,
      error: message,
    });
  }
}
