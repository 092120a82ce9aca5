import type { ModelVersion } from "@/generated/prisma/client";
import { detect } from "@/lib/inference/detect";
import { loadModel } from "@/lib/inference/onnx-session";
import type { Detection } from "@/lib/inference/postprocess";
import type { GreyImage } from "@/lib/inference/preprocess";
import type { Thresholds } from "@/lib/models/register-model";
import { getStorage } from "@/lib/storage/get-storage";

export type VersionDetection = { detections: Detection[]; timings: { preprocessMs: number; inferenceMs: number; postprocessMs: number; totalMs: number } };

// The detector behind one registered version: model bytes from storage, one session per version (cached by id).
export async function detectWithVersion(version: ModelVersion, image: GreyImage, thresholds?: Partial<Thresholds>): Promise<VersionDetection> {
  const t = thresholdsOf(version, thresholds);
  const model = await loadModel(await modelBytes(version), { key: version.id });
  const started = performance.now();
  const [detections] = await detect(model, [image], { confidence: t.confidence, iou: t.iou, classConfidence: t.perClass });
  const totalMs = performance.now() - started;
  return { detections: detections ?? [], timings: { preprocessMs: 0, inferenceMs: totalMs, postprocessMs: 0, totalMs } };
}

export function thresholdsOf(version: ModelVersion, override?: Partial<Thresholds>): Thresholds {
  const base = version.thresholds as Thresholds;
  return { confidence: override?.confidence ?? base.confidence, iou: override?.iou ?? base.iou, perClass: { ...base.perClass, ...override?.perClass } };
}

const bytesCache = new Map<string, Uint8Array>();
async function modelBytes(v: ModelVersion): Promise<Uint8Array> {
  let b = bytesCache.get(v.id);
  if (!b) {
    b = await (await getStorage()).get(v.storageKey);
    bytesCache.set(v.id, b);
  }
  return b;
}
