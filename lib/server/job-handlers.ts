// The one place job handlers are registered (STYLE 20: wiring at the top): the web process (enqueue checks the type),
// the job workers and the DICOM node call registerJobHandlers() at start; integration tests in their setup file.
import { autoAssignJob } from "@/lib/assignments/auto-assign-job";
import { driftComputeJob } from "@/lib/drift/drift-job";
import { modelEvaluateJob } from "@/lib/evaluation/evaluation-job";
import { exportBuildJob } from "@/lib/exports/export-job";
import { registerJobHandler, type JobDefinition } from "@/lib/jobs/job-registry";
import { modelOptimizeJob } from "@/lib/models/optimize-job";
import { pacsPollJob } from "@/lib/pacs/poll-job";
import { pacsPullJob } from "@/lib/pacs/pull-job";
import { pacsPushJob } from "@/lib/pacs/push/push-job";
import { canaryCheckJob } from "@/lib/performance/canary-job";
import { predictStudyJob } from "@/lib/predictions/predict-study-job";
import { trainingRunJob } from "@/lib/training/training-job";

export const JOB_DEFINITIONS: readonly JobDefinition[] = [
  predictStudyJob,
  driftComputeJob,
  exportBuildJob,
  trainingRunJob,
  autoAssignJob,
  modelEvaluateJob,
  canaryCheckJob,
  pacsPullJob,
  pacsPollJob,
  pacsPushJob,
  modelOptimizeJob,
];

// Idempotent: registering again replaces each handler with itself.
export function registerJobHandlers(): void {
  for (const { type, ...handler } of JOB_DEFINITIONS) registerJobHandler(type, handler);
}
