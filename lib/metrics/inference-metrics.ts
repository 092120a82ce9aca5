import { Counter, Gauge, Histogram } from "prom-client";
import { singleMetric } from "./registry";

// What the inference engine records: per-stage latency, batch sizes, queue depth and errors, per model version.

export type InferenceStage = "queue" | "decode" | "preprocess" | "inference" | "postprocess" | "total";
export interface ModelLabels {
  model: string;
  version: string;
}

// Sub-millisecond queue waits up to multi-second CPU runs of large models.
const SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const BATCH_BUCKETS = [1, 2, 4, 8, 16, 32, 64];

const seconds = () =>
  singleMetric(
    "cxr_inference_seconds",
    (r) =>
      new Histogram({
        name: "cxr_inference_seconds",
        help: "Inference latency per request and stage.",
        labelNames: ["model", "version", "stage"] as const,
        buckets: SECONDS_BUCKETS,
        registers: [r],
      }),
  );
const batchSize = () =>
  singleMetric(
    "cxr_inference_batch_size",
    (r) =>
      new Histogram({
        name: "cxr_inference_batch_size",
        help: "Images per model run.",
        labelNames: ["model", "version"] as const,
        buckets: BATCH_BUCKETS,
        registers: [r],
      }),
  );
const queueDepth = () =>
  singleMetric(
    "cxr_inference_queue_depth",
    (r) =>
      new Gauge({
        name: "cxr_inference_queue_depth",
        help: "Requests waiting for a batch.",
        labelNames: ["model", "version"] as const,
        registers: [r],
      }),
  );
const errors = () =>
  singleMetric(
    "cxr_inference_errors_total",
    (r) =>
      new Counter({
        name: "cxr_inference_errors_total",
        help: "Failed inference requests by error code.",
        labelNames: ["model", "version", "code"] as const,
        registers: [r],
      }),
  );

/** Records for one model version; the engine calls these. */
export function inferenceMetrics(labels: ModelLabels) {
  const { model, version } = labels;
  [seconds, batchSize, queueDepth, errors].forEach((make) => make()); // register now, not on the first request
  return {
    observeStage(stage: InferenceStage, ms: number) {
      seconds().observe({ model, version, stage }, ms / 1000);
    },
    observeBatch(size: number) {
      batchSize().observe({ model, version }, size);
    },
    setQueueDepth(depth: number) {
      queueDepth().set({ model, version }, depth);
    },
    countError(code: string) {
      errors().inc({ model, version, code });
    },
  };
}

export type InferenceMetrics = ReturnType<typeof inferenceMetrics>;
