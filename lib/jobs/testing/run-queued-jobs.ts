import { claimNextJob, dbQueue } from "@/lib/jobs/db-queue";
import type { ClaimedJob } from "@/lib/jobs/queue-types";
import { runClaimedJob } from "@/lib/jobs/run-job";

// For integration tests: run queued jobs now, through the same claim-and-run path the worker uses, on the database
// queue (a failing handler marks its job failed, as in production; the caller checks the outcome it cares about).

/** Claims the next queued job of `type` and runs it; throws when none is queued. Returns the job that ran. */
export async function runNextJob(type: string): Promise<ClaimedJob> {
  const job = await claimNextJob(`test-${type}`, [type]);
  if (!job) throw new Error(`No queued '${type}' job to run.`);
  await runClaimedJob(job, dbQueue);
  return job;
}

/** Runs queued jobs of these types until none is left (jobs they enqueue included). Returns the jobs that ran. */
export async function drainJobs(types: string[]): Promise<ClaimedJob[]> {
  const ran: ClaimedJob[] = [];
  for (let job = await claimNextJob(`test-${types.join("+")}`, types); job; job = await claimNextJob(`test-${types.join("+")}`, types)) {
    await runClaimedJob(job, dbQueue);
    ran.push(job);
  }
  return ran;
}
