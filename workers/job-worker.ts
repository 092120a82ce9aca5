// `npm run worker`: a standalone job worker (run N of them beside the web process; set JOBS_IN_PROCESS=false there).
import "@/lib/jobs/all-handlers";
import { startJobWorker } from "@/lib/jobs/job-worker";
import { getJobQueue } from "@/lib/jobs/job-queue";
import { env } from "@/lib/env";
import { db } from "@/lib/db";
import { startAutoPullSchedule } from "@/lib/pacs/poll-job";
import { checkInferenceAtStart } from "@/lib/server/inference-check";

// KServe/Triton: a misconfigured inference server is logged loudly at start, not once per failed prediction.
void checkInferenceAtStart();
const worker = startJobWorker({ concurrency: env.JOB_CONCURRENCY });
// With JOBS_IN_PROCESS=false the web process schedules nothing: the workers poll the PACS (one poll per connection).
startAutoPullSchedule();
for (const sig of ["SIGINT", "SIGTERM"] as const)
  process.on(sig, async () => {
    await worker.stop();
    await getJobQueue().close();
    await db.$disconnect();
    process.exit(0);
  });
