import type { Actor } from "@/lib/audit/record-audit";
import { AUTO_ASSIGN, autoAssignPayloadSchema } from "@/lib/jobs/auto-assign-request";
import { defineJob } from "@/lib/jobs/job-registry";
import { autoAssign } from "@/lib/assignments/auto-assign";

export const autoAssignJob = defineJob(AUTO_ASSIGN, {
  schema: autoAssignPayloadSchema,
  family: "review",
  run: (p, ctx) =>
    autoAssign({ actor: p.actor as Actor | undefined, lowConfidenceBelow: p.lowConfidenceBelow, progress: (f, m) => ctx.progress(f, m) }),
});
