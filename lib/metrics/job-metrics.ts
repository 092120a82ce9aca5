import { Counter, Gauge, Histogram } from "prom-client";
import { singleMetric } from "./registry";

// What a job worker records per job family: how long jobs waited and ran, how they ended, and how many wait now.

const SECONDS_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];

const runSeconds = () =>
  singleMetric(
    "cxr_job_run_seconds",
    (r) =>
      new Histogram({
        name: "cxr_job_run_seconds",
        help: "Time a job ran on this worker, per family and outcome.",
        labelNames: ["family", "outcome"] as const,
        buckets: SECONDS_BUCKETS,
        registers: [r],
      }),
  );
const waitSeconds = () =>
  singleMetric(
    "cxr_job_wait_seconds",
    (r) =>
      new Histogram({
        name: "cxr_job_wait_seconds",
        help: "Time from enqueue to this worker's claim, per family (retries wait their backoff too).",
        labelNames: ["family"] as const,
        buckets: SECONDS_BUCKETS,
        registers: [r],
      }),
  );
const failures = () =>
  singleMetric(
    "cxr_job_failures_total",
    (r) =>
      new Counter({
        name: "cxr_job_failures_total",
        help: "Job runs that failed on this worker, per family; outcome retrying (queued again) or failed (for good).",
        labelNames: ["family", "outcome"] as const,
        registers: [r],
      }),
  );
const running = () =>
  singleMetric(
    "cxr_jobs_running",
    (r) =>
      new Gauge({
        name: "cxr_jobs_running",
        help: "Jobs running on this worker now, per family.",
        labelNames: ["family"] as const,
        registers: [r],
      }),
  );

export function jobStarted(family: string, waitedMs: number): void {
  waitSeconds().observe({ family }, Math.max(0, waitedMs) / 1000);
  running().inc({ family });
}

export function jobFinished(family: string, outcome: "succeeded" | "retrying" | "failed", ranMs: number): void {
  running().dec({ family });
  runSeconds().observe({ family, outcome }, ranMs / 1000);
  if (outcome !== "succeeded") failures().inc({ family, outcome });
}

/** Queue depth per family, read when Prometheus scrapes (the rows are the truth for either queue). */
export function registerQueueDepth(read: () => Promise<Record<string, number>>): void {
  singleMetric(
    "cxr_job_queue_depth",
    (r) =>
      new Gauge({
        name: "cxr_job_queue_depth",
        help: "Jobs due and waiting for a worker, per family.",
        labelNames: ["family"] as const,
        registers: [r],
        async collect() {
          this.reset();
          for (const [family, n] of Object.entries(await read())) this.set({ family }, n);
        },
      }),
  );
}
