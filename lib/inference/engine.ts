import { readFile } from "node:fs/promises";
import path from "node:path";
import { AppError, isAppError } from "@/lib/errors";
import { inferenceMetrics, type ModelLabels } from "@/lib/metrics/inference-metrics";
import { createBatchSizer } from "./batch-sizer";
import { checkBatcherSettings, createBatcher } from "./batcher";
import type { KserveOptions } from "./kserve-session";
import { readOnnxMetadataProps } from "./onnx-metadata-props";
import type { ModelMetadata } from "./model-metadata";
import type { DecodeOptions, Detection } from "./postprocess";
import { isEncoded, type ModelInput } from "./model-input";
import { runBatch, type DetectTimings, type Item, type Outcome } from "./engine-run-batch";
import { createWorkerPool } from "./worker-pool";

// One model version served behind a dynamic batcher: single-image requests in, coalesced batches letterboxed, run
// and decoded on worker threads, per-request detections and timings out, every stage recorded in Prometheus.

export interface EngineOptions {
  modelPath?: string;
  modelBytes?: Uint8Array;
  /** Identifies this model version (e.g. "cxr-yolo@3"); used by getEngine's cache. */
  key: string;
  /** Execution providers to try in order; CPU is always the last resort. Default ["cpu"]. */
  providers?: readonly string[];
  intraOpThreads?: number;
  /** ONNX Runtime pool threads spin while idle (its default); false frees the cores between runs. */
  spinning?: boolean;
  /** Run the graph on a KServe v2 / Triton server; letterbox, decode and NMS stay in this process. */
  kserve?: KserveOptions;
  /** Most images per run. Default 8; a fixed-batch model always uses its own batch size. */
  maxBatchSize?: number;
  /** Size a dynamic-batch model's runs by measured throughput, up to maxBatchSize (batch-sizer.ts). Default: on with
   * greedy batching (maxQueueDelayMs 0); a queue delay asks for full batches, so off with one. */
  adaptiveBatch?: boolean;
  /** How long a request may wait for others to share its run. Default 0: a run starts as soon as a worker is free,
   * and requests that arrive meanwhile share the next one. */
  maxQueueDelayMs?: number;
  /** Requests waiting beyond this are refused with "unavailable" (HTTP 503 + Retry-After). Default 64. */
  maxQueueSize?: number;
  /** Worker threads, each with its own session; also the batches run at once. Default 1. */
  workers?: number;
  /** Metric labels. Default { model: key, version: "unknown" } (the ONNX metadata "version" is Ultralytics', not the model's). */
  labels?: ModelLabels;
  workerFile?: string;
}

export interface EngineResult {
  detections: Detection[];
  /** Size of the decoded image (the boxes' pixel space). */
  width: number;
  height: number;
  timings: DetectTimings;
  /** Images in the run this request shared (padding of fixed-batch models not counted). */
  batchSize: number;
}

export interface EngineStats {
  requests: number;
  errors: number;
  batches: number;
  meanBatchSize: number;
  largestBatch: number;
  queueDepth: number;
}

export interface Engine {
  key: string;
  metadata: ModelMetadata;
  providerUsed: string;
  /** Takes a grey image, or an encoded file to decode in the worker. Takes ownership of its buffer (`data` or
   * `bytes`): it is moved to a worker thread and left detached (length 0). */
  detect(image: ModelInput, options?: DecodeOptions): Promise<EngineResult>;
  stats(): EngineStats;
  close(): Promise<void>;
}

const STAGES = ["queue", "decode", "preprocess", "inference", "postprocess", "total"] as const;

async function modelBytes(options: EngineOptions): Promise<Uint8Array> {
  if (options.modelBytes) return options.modelBytes;
  if (!options.modelPath) throw new AppError("bad_request", "createEngine needs modelPath or modelBytes");
  try {
    return new Uint8Array(await readFile(options.modelPath));
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    throw new AppError("unavailable", `Cannot read model file ${path.basename(options.modelPath)}: ${why}`);
  }
}

function checkImage(img: ModelInput): void {
  if (isEncoded(img)) {
    if (!(img.bytes instanceof Uint8Array) || img.bytes.length === 0) throw new AppError("bad_request", "Empty encoded image");
    return;
  }
  const ok = Number.isInteger(img.width) && Number.isInteger(img.height) && img.width > 0 && img.height > 0;
  if (!ok || !(img.data instanceof Uint8Array) || img.data.length !== img.width * img.height) {
    throw new AppError("bad_request", `Invalid grey image ${img.width}x${img.height} with ${img.data?.length} bytes`);
  }
}

/** Loads the model into `workers` threads and starts batching; throws AppError if the model cannot serve. */
export async function createEngine(options: EngineOptions): Promise<Engine> {
  const bytes = await modelBytes(options);
  readOnnxMetadataProps(bytes); // fails fast, before any worker starts, on a file that is not ONNX
  const workers = options.workers ?? 1;
  const settings = {
    maxBatchSize: options.maxBatchSize ?? 8,
    maxQueueDelayMs: options.maxQueueDelayMs ?? 0,
    maxQueueSize: options.maxQueueSize ?? 64,
    maxConcurrentBatches: workers,
  };
  checkBatcherSettings(settings); // before any worker starts
  const { key, providers, intraOpThreads, spinning, kserve, workerFile } = options;
  const pool = await createWorkerPool({ bytes, key, providers, intraOpThreads, spinning, kserve, workers, workerFile });
  const metadata = pool.metadata;
  const metrics = inferenceMetrics(options.labels ?? { model: key, version: "unknown" });
  const counts = { requests: 0, errors: 0, batches: 0, images: 0, largestBatch: 0 };
  const batcher = createBatcher<Item, Outcome>({
    ...settings,
    // A fixed-batch model takes exactly its own batch size (the worker pads short batches with blank images).
    maxBatchSize: metadata.batch === "dynamic" ? settings.maxBatchSize : metadata.batch,
    ...(metadata.batch === "dynamic" && settings.maxBatchSize > 1 && (options.adaptiveBatch ?? settings.maxQueueDelayMs === 0)
      ? { sizer: createBatchSizer(settings.maxBatchSize) }
      : {}),
    onDepth: (d) => metrics.setQueueDepth(d),
    runBatch: async (items) => {
      const out = await runBatch(pool, items);
      counts.batches++;
      counts.images += items.length;
      counts.largestBatch = Math.max(counts.largestBatch, items.length);
      metrics.observeBatch(items.length);
      return out;
    },
  });

  let decoding = 0;
  const decodeAhead = async (input: ModelInput) => {
    decoding++;
    try {
      return await pool.decode(input);
    } finally {
      decoding--;
    }
  };

  const failed = (e: unknown): never => {
    counts.errors++;
    metrics.countError(isAppError(e) ? e.code : "internal");
    throw e;
  };

  return {
    key: options.key,
    metadata,
    providerUsed: pool.providerUsed,
    async detect(image, decode = {}) {
      counts.requests++;
      const at = performance.now();
      try {
        checkImage(image);
        // An encoded file is decoded on a worker as soon as it arrives, overlapping the run in progress; its grey
        // image then queues for a batch like any other.
        if (isEncoded(image) && decoding + batcher.depth() >= settings.maxQueueSize) {
          // Files being decoded count as waiting, so the queue bound (and its 503) holds before they reach the batcher.
          throw new AppError("unavailable", "Inference queue is full; retry shortly.", { retryAfterSeconds: 1 });
        }
        const ahead = isEncoded(image) ? await decodeAhead(image) : undefined;
        const r = await batcher.submit({ image: ahead?.image ?? image, decode, at: ahead ? performance.now() : at }); // the buffer now belongs to the engine
        if (r.error !== undefined) throw r.error;
        const timings = { ...r.timings, decodeMs: r.timings.decodeMs + (ahead?.decodeMs ?? 0), totalMs: performance.now() - at };
        for (const stage of STAGES) metrics.observeStage(stage, timings[`${stage}Ms`]);
        return { detections: r.detections, width: r.width, height: r.height, timings, batchSize: r.batchSize };
      } catch (e) {
        return failed(e);
      }
    },
    stats: () => ({
      requests: counts.requests,
      errors: counts.errors,
      batches: counts.batches,
      meanBatchSize: counts.batches === 0 ? 0 : counts.images / counts.batches,
      largestBatch: counts.largestBatch,
      queueDepth: batcher.depth(),
    }),
    async close() {
      await batcher.close();
      await pool.close();
    },
  };
}
