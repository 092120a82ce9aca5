import { AppError } from "@/lib/errors";
import type { ModelMetadata } from "./model-metadata";
import type { DecodeOptions, Detection } from "./postprocess";
import { preprocessBatch, type GreyImage, type Letterbox } from "./preprocess";

// Images in, detections out, for any backend that can run one NCHW batch. No Node APIs: onnxruntime-node today,
// onnxruntime-web or a Triton client later.

/** One batch's raw output, kept behind decode so tensors never leave lib/inference. */
export interface BatchResult {
  decode(letterboxes: readonly Letterbox[], options?: DecodeOptions): Detection[][];
}

export interface Detector {
  metadata: ModelMetadata;
  /** Runs `n` images stacked as NCHW float32; for a fixed-batch model `n` must equal its batch size. */
  run(batch: Float32Array, n: number): Promise<BatchResult>;
}

export interface DetectOptions extends DecodeOptions {
  /** Images per run for dynamic-batch models. Default 8. Fixed-batch models always use their own size. */
  maxBatch?: number;
}

/** Detections for each image, in the same order, boxes in that image's own pixels. */
export async function detect(detector: Detector, images: readonly GreyImage[], options: DetectOptions = {}): Promise<Detection[][]> {
  const m = detector.metadata;
  const fixedBatch = m.batch === "dynamic" ? undefined : m.batch;
  const chunk = fixedBatch ?? Math.max(1, Math.floor(options.maxBatch ?? 8));
  if (!Number.isFinite(chunk)) throw new AppError("bad_request", "maxBatch must be a finite number");
  const input = { width: m.inputWidth, height: m.inputHeight, channels: m.channels };
  const results: Detection[][] = [];
  for (let start = 0; start < images.length; start += chunk) {
    const part = images.slice(start, start + chunk);
    const n = fixedBatch ?? part.length; // a fixed batch is padded with blank images, decoded but ignored
    const { data, letterboxes } = preprocessBatch(part, input, n);
    const out = await detector.run(data, n);
    results.push(...out.decode(letterboxes, options));
  }
  return results;
}
