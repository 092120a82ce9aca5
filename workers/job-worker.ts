// `npm run worker`: a standalone job worker (run N of them beside the web process; set JOBS_IN_PROCESS=false there).
import { startFamilyWorkers } from "@/lib/jobs/family-workers";
import { getJobQueue } from "@/lib/jobs/job-queue";
import { queueDepthByFamily } from "@/lib/jobs/queue-depth";
import { env } from "@/lib/env";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { registerQueueDepth } from "@/lib/metrics/job-metrics";
import { startAutoPullSchedule } from "@/lib/pacs/poll-job";
import { checkQueueAtStart } from "@/lib/server/check-queue-at-start";
import { startMetricsServer } from "@/lib/server/metrics-server";
import { startPeriodicJobs } from "@/lib/server/periodic-schedulers";
import { checkInferenceAtStart } from "@/lib/server/inference-check";
import { registerJobHandlers } from "@/lib/server/job-handlers";

registerJobHandlers();

try {
  await checkQueueAtStart(getJobQueue());
} catch (e) {
  log.error("job worker cannot start", { error: (e as Error).message });
  await getJobQueue()
    .close()
    .catch(() => undefined);
  process.exit(2);
}
// KServe/Triton: a misconfigured inference server is logged loudly at start, not once per failed prediction.
void checkInferenceAtStart();
// A claim loop per job family, each with its own concurrency (a training run never holds predictions).
const worker = startFamilyWorkers();
// With JOBS_IN_PROCESS=false the web process schedules nothing: the workers poll the PACS (one poll per connection)
// and enqueue the daily drift and hourly canary checks (one job per period, however many workers run).
startAutoPullSchedule();
const periodic = startPeriodicJobs(getJobQueue());
registerQueueDepth(() => queueDepthByFamily());
const metrics = env.WORKER_METRICS_PORT === undefined ? null : await startMetricsServer(env.WORKER_METRICS_PORT);
for (const sig of ["SIGINT", "SIGTERM"] as const)
  process.on(sig, async () => {
    await worker.stop();
    await periodic.close();
    await metrics?.close();
    await getJobQueue().close();
    await db.$disconnect();
    process.exit(0);
  });
