import { z } from "zod";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/job-queue";
import type { EnqueueOptions } from "@/lib/jobs/queue-types";

// The auto-assign job's type, payload and enqueue, apart from its handler (lib/assignments/auto-assign-job): a
// sign-off (lib/reviews) queues one without importing lib/assignments, which builds on lib/reviews.
export const AUTO_ASSIGN = "assignments.auto";
export const autoAssignPayloadSchema = z.object({
  lowConfidenceBelow: z.number().min(0).max(1).optional(),
  actor: z.object({ id: z.string().nullable(), email: z.string().nullable() }).optional(),
});

// One queued run covers every sign-off before it starts, so a queued one is not queued again.
export async function enqueueAutoAssign(payload: z.input<typeof autoAssignPayloadSchema> = {}, client?: EnqueueOptions["client"]) {
  const queued = await (client ?? db).job.findFirst({ where: { type: AUTO_ASSIGN, state: "queued" }, select: { id: true } });
  if (queued && !payload.lowConfidenceBelow) return { id: queued.id, existing: true };
  return { ...(await enqueueJob(AUTO_ASSIGN, payload, { client })), existing: false };
}
