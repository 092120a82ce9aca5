import type { ModelVersion } from "@/generated/prisma/client";
import { getEngine } from "@/lib/inference/engine-cache";
import { kserveModelName } from "@/lib/inference/kserve-model-name";
import type { Detection } from "@/lib/inference/postprocess";
import type { ModelInput } from "@/lib/inference/model-input";
import type { Thresholds } from "@/lib/models/register-model";
import { decodeOptionsOf } from "@/lib/models/thresholds";
import { getStorage } from "@/lib/storage/get-storage";
import { env } from "@/lib/env";

export type VersionDetection = {
  detections: Detection[];
  /** The decoded image's size. */
  width: number;
  height: number;
  timings: { queueMs: number; decodeMs: number; preprocessMs: number; inferenceMs: number; postprocessMs: number; totalMs: number };
};

// The detector behind one registered version: one dynamic-batching engine (worker threads) per version, model bytes
// from storage. Takes a grey image or an encoded file (decoded in the worker) and ownership of its buffer (transferred).
export async function detectWithVersion(version: ModelVersion, image: ModelInput, thresholds?: Partial<Thresholds>): Promise<VersionDetection> {
  const t = thresholdsOf(version, thresholds);
  const engine = await engineFor(version);
  const r = await engine.detect(image, decodeOptionsOf(t));
  const { queueMs, decodeMs, preprocessMs, inferenceMs, postprocessMs, totalMs } = r.timings;
  return { detections: r.detections, width: r.width, height: r.height, timings: { queueMs, decodeMs, preprocessMs, inferenceMs, postprocessMs, totalMs } };
}

// Loads (once) the engine of a version; /api/ready uses it to report the model as loaded and its execution provider.
export async function engineFor(version: ModelVersion) {
  return getEngine(version.id, {
    modelBytes: await modelBytesOf(version),
    providers: env.INFERENCE_PROVIDERS,
    intraOpThreads: env.INFERENCE_THREADS,
    spinning: env.INFERENCE_SPINNING,
    ...(env.INFERENCE_BACKEND === "kserve" ? { kserve: kserveOptionsFor(version) } : {}),
    maxBatchSize: env.INFERENCE_MAX_BATCH,
    maxQueueDelayMs: env.INFERENCE_MAX_QUEUE_DELAY_MS,
    maxQueueSize: env.INFERENCE_MAX_QUEUE,
    workers: env.INFERENCE_WORKERS,
    labels: { model: version.name, version: version.version },
  });
}

// The version's name on the KServe v2 server, from the INFERENCE_KSERVE_MODEL template.
export function kserveOptionsFor(version: Pick<ModelVersion, "name" | "version" | "sha256">) {
  const model = kserveModelName(env.INFERENCE_KSERVE_MODEL, version);
  return { url: env.INFERENCE_KSERVE_URL!, model, binary: env.INFERENCE_KSERVE_BINARY, timeoutMs: env.INFERENCE_KSERVE_TIMEOUT_MS };
}

export function thresholdsOf(version: ModelVersion, override?: Partial<Thresholds>): Thresholds {
  const base = version.thresholds as Thresholds;
  return { confidence: override?.confidence ?? base.confidence, iou: override?.iou ?? base.iou, perClass: { ...base.perClass, ...override?.perClass } };
}

const bytesCache = new Map<string, Uint8Array>();
/** The version's ONNX bytes, read from storage once per process (the same array each time: checks cache by it). */
export async function modelBytesOf(v: ModelVersion): Promise<Uint8Array> {
  let b = bytesCache.get(v.id);
  if (!b) {
    b = await (await getStorage()).get(v.storageKey);
    bytesCache.set(v.id, b);
  }
  return b;
}
