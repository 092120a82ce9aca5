import { z } from "zod";
import type { Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/job-queue";
import type { EnqueueOptions } from "@/lib/jobs/queue-types";
import { registerJobHandler } from "@/lib/jobs/job-registry";
import { autoAssign } from "@/lib/assignments/auto-assign";

export const AUTO_ASSIGN = "assignments.auto";
export const autoAssignPayloadSchema = z.object({
  lowConfidenceBelow: z.number().min(0).max(1).optional(),
  actor: z.object({ id: z.string().nullable(), email: z.string().nullable() }).optional(),
});

registerJobHandler(AUTO_ASSIGN, {
  schema: autoAssignPayloadSchema,
  family: "review",
  run: (p, ctx) =>
    autoAssign({ actor: p.actor as Actor | undefined, lowConfidenceBelow: p.lowConfidenceBelow, progress: (f, m) => ctx.progress(f, m) }),
});

// One queued run covers every sign-off before it starts, so a queued one is not queued again.
export async function enqueueAutoAssign(payload: z.input<typeof autoAssignPayloadSchema> = {}, client?: EnqueueOptions["client"]) {
  const queued = await (client ?? db).job.findFirst({ where: { type: AUTO_ASSIGN, state: "queued" }, select: { id: true } });
  if (queued && !payload.lowConfidenceBelow) return { id: queued.id, existing: true };
  return { ...(await enqueueJob(AUTO_ASSIGN, payload, { client })), existing: false };
}
