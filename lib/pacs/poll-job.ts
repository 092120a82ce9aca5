// pacs.poll: one auto-pull poll of one connection, enqueued on a timer (the same mechanism as the daily drift and
// hourly canary checks) every PACS_POLL_INTERVAL_S for each enabled connection with auto-pull on.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { enqueueJob } from "@/lib/jobs/job-queue";
import { defineJob } from "@/lib/jobs/job-registry";
import { pollConnection } from "@/lib/pacs/poll-connection";
import { PACS_POLL, pacsPollPayloadSchema } from "@/lib/pacs/pull-job-type";

export const pacsPollJob = defineJob(PACS_POLL, {
  schema: pacsPollPayloadSchema,
  family: "pacs",
  run: ({ connectionId }) => pollConnection(connectionId),
});

const KEEP_FINISHED_POLLS_MS = 3_600_000;
const FAILED_POLL_PAUSE_MS = 30_000;
let lastCleanup = 0;

// One pending poll per connection is enough; finished polls are kept an hour (a poll every few seconds would
// otherwise fill the job table).
export async function enqueueAutoPullPolls(): Promise<number> {
  const connections = await db.pacsConnection.findMany({
    where: { autoPull: true, enabled: true, dicomwebUrl: { not: null } },
    select: { id: true },
  });
  if (connections.length === 0) return 0;
  // Busy: a poll is pending, or one failed lately (a PACS that is down is asked every 30 s, not every few seconds).
  const pending = await db.job.findMany({
    where: {
      type: PACS_POLL,
      OR: [{ state: { in: ["queued", "running"] } }, { state: "failed", finishedAt: { gt: new Date(Date.now() - FAILED_POLL_PAUSE_MS) } }],
    },
    select: { payload: true },
  });
  const busy = new Set(pending.map((j) => (j.payload as { connectionId?: string }).connectionId));
  let enqueued = 0;
  for (const c of connections)
    if (!busy.has(c.id)) {
      await enqueueJob(PACS_POLL, { connectionId: c.id }, { priority: 6, maxAttempts: 1 });
      enqueued++;
    }
  if (Date.now() - lastCleanup > 60_000) {
    lastCleanup = Date.now();
    await db.job.deleteMany({
      where: { type: PACS_POLL, state: { in: ["succeeded", "failed"] }, finishedAt: { lt: new Date(Date.now() - KEEP_FINISHED_POLLS_MS) } },
    });
  }
  return enqueued;
}

/** The timer; started with the in-process worker and by `npm run worker`. */
export function startAutoPullSchedule(): NodeJS.Timeout {
  const timer = setInterval(
    () => void enqueueAutoPullPolls().catch((e) => log.warn("auto-pull enqueue failed", { error: (e as Error).message })),
    env.PACS_POLL_INTERVAL_S * 1000,
  );
  return timer.unref();
}
