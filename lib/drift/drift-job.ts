import { z } from "zod";
import { computeDrift } from "@/lib/drift/compute-drift";
import { enqueueJob } from "@/lib/jobs/job-queue";
import type { EnqueueOptions } from "@/lib/jobs/queue-types";
import { defineJob } from "@/lib/jobs/job-registry";
import { driftReferenceSchema, driftWindowSchema } from "@/lib/schemas/drift";

export const DRIFT_COMPUTE = "drift.compute";
export const DEFAULT_REFERENCE_FIRST_N = 200;
export const DEFAULT_CURRENT_DAYS = 7;

// Windows are optional so a periodic enqueue can be `{}`: reference = first 200 predictions, current = the last 7 days
// ending when the job runs (not when it was enqueued).
export const driftComputePayloadSchema = z.object({
  modelVersionId: z.string().min(1).max(64).optional(),
  reference: driftReferenceSchema.optional(),
  current: driftWindowSchema.optional(),
  currentDays: z.number().int().min(1).max(365).optional(),
});
export type DriftComputePayload = z.infer<typeof driftComputePayloadSchema>;

export async function runDriftJob(payload: DriftComputePayload, now = new Date()) {
  const days = payload.currentDays ?? DEFAULT_CURRENT_DAYS;
  const current = payload.current ?? { from: new Date(now.getTime() - days * 86_400_000), to: now };
  const report = await computeDrift({
    modelVersionId: payload.modelVersionId,
    reference: payload.reference ?? { firstN: DEFAULT_REFERENCE_FIRST_N },
    current,
  });
  return { alert: report.alert, alertingFeatures: report.alertingFeatures, webhook: report.webhook, current: report.current };
}

export const driftComputeJob = defineJob(DRIFT_COMPUTE, {
  schema: driftComputePayloadSchema,
  family: "evaluation",
  run: (payload) => runDriftJob(payload),
});

export function enqueueDriftCompute(payload: z.input<typeof driftComputePayloadSchema> = {}, client?: EnqueueOptions["client"]) {
  return enqueueJob(DRIFT_COMPUTE, payload, { client });
}
