import { detect, type Detector } from "@/lib/inference/detect";
import type { DecodeOptions, Detection } from "@/lib/inference/postprocess";
import { dicomToModelImage } from "@/lib/predictions/load-instance-image";

// A stored instance's DICOM bytes through any detector, on the same decode path as predict-instance.ts (so the
// model sees identical pixels): the browser's "run in browser" uses it with onnxruntime-web. Pure, no Node APIs.

export interface BytesPrediction {
  detections: Detection[];
  image: { width: number; height: number };
  timings: { decodeMs: number; detectMs: number };
}

export async function predictDicomBytes(detector: Detector, bytes: Uint8Array, options: DecodeOptions): Promise<BytesPrediction> {
  const t0 = performance.now();
  const { image } = await dicomToModelImage(bytes);
  const t1 = performance.now();
  const [detections = []] = await detect(detector, [image], options);
  return {
    detections,
    image: { width: image.width, height: image.height },
    timings: { decodeMs: t1 - t0, detectMs: performance.now() - t1 },
  };
}
