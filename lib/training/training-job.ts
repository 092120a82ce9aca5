import { z } from "zod";
import { enqueueJob } from "@/lib/jobs/job-queue";
import type { EnqueueOptions } from "@/lib/jobs/queue-types";
import { defineJob } from "@/lib/jobs/job-registry";
import { runTraining } from "@/lib/training/run-training";

export const TRAINING_RUN = "training.run";
export const trainingRunPayloadSchema = z.object({ trainingRunId: z.string().min(1).max(64) });

export const trainingRunJob = defineJob(TRAINING_RUN, { schema: trainingRunPayloadSchema, family: "training", run: (p, ctx) => runTraining(p.trainingRunId, ctx) });

// Not retried: a failed run keeps its reason and log; starting again is a new run.
export function enqueueTrainingRun(trainingRunId: string, client?: EnqueueOptions["client"]) {
  return enqueueJob(TRAINING_RUN, { trainingRunId }, { client, maxAttempts: 1 });
}
