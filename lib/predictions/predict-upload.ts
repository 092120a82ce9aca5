import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { decodeRasterFast } from "@/lib/dicom/decode-raster";
import { inspectUpload } from "@/lib/dicom/inspect-upload";
import { scaleToGrey8 } from "@/lib/dicom/scale-to-grey8";
import type { GreyImage } from "@/lib/inference/preprocess";
import { detectWithVersion } from "@/lib/models/version-detector";
import { datasetToModelImage } from "@/lib/predictions/load-instance-image";
import { routeStudy } from "@/lib/predictions/route-study";
import type { PredictResponse } from "@/lib/schemas/predict";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

// Bytes of a DICOM, PNG or JPEG → the 8-bit image the model sees, and a sticky routing key (Study UID or content hash).
// The same gate as ingest (header rules, MAX_IMAGE_PIXELS) runs before anything is decoded.
async function toModelImage(bytes: Uint8Array): Promise<{ image: GreyImage; routingKey: string }> {
  const inspected = inspectUpload(bytes, { maxPixels: env.MAX_IMAGE_PIXELS });
  if (inspected.kind !== "dicom") {
    const img = await decodeRasterFast(bytes);
    const grey = img.samplesPerPixel !== 1 ? luma(img.pixels) : img.maxValue <= 255 ? Uint8Array.from(img.pixels) : scaleToGrey8(img.pixels, img.maxValue);
    return { image: { width: img.columns, height: img.rows, data: grey }, routingKey: createHash("sha256").update(bytes).digest("hex") };
  }
  const { image, meta } = await datasetToModelImage(inspected.dataset, inspected.meta);
  return { image, routingKey: meta.studyInstanceUid ?? createHash("sha256").update(bytes).digest("hex") };
}

function luma(rgb: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(rgb.length / 3);
  for (let i = 0; i < out.length; i++) out[i] = Math.round(0.299 * rgb[3 * i]! + 0.587 * rgb[3 * i + 1]! + 0.114 * rgb[3 * i + 2]!);
  return out;
}

/** Milliseconds per stage of one prediction, e.g. for a Server-Timing header. */
export type PredictTimings = Partial<Record<"decode" | "route" | "queue" | "preprocess" | "inference" | "postprocess", number>>;

// The public predict API: no patient data in or out, only boxes, the serving version and the time taken.
export async function predictUpload(bytes: Uint8Array, o: { stage?: "staging"; timings?: PredictTimings } = {}): Promise<PredictResponse> {
  const started = performance.now();
  const { image, routingKey } = await toModelImage(bytes);
  const decoded = performance.now();
  const version = o.stage === "staging" ? await stagingVersionOrThrow() : (await routeStudy(routingKey, { maxAgeMs: env.INFERENCE_ROUTING_CACHE_MS })).served.version;
  const routed = performance.now();
  const size = { width: image.width, height: image.height };
  const { detections, timings: t } = await detectWithVersion(version, image);
  if (o.timings) {
    Object.assign(o.timings, { decode: decoded - started, route: routed - decoded, queue: t.queueMs, preprocess: t.preprocessMs, inference: t.inferenceMs, postprocess: t.postprocessMs });
  }
  return {
    predictions: detections.map((d) => ({
      class: d.finding,
      model_class: d.className,
      confidence: Math.round(d.confidence * 1e4) / 1e4,
      bbox: d.boxNorm.map((v) => Math.round(v * 1e5) / 1e5) as [number, number, number, number],
      bbox_px: d.box.map((v) => Math.round(v * 10) / 10) as [number, number, number, number],
    })),
    inference_time: Math.round(performance.now() - started) / 1000,
    image: size,
    model: { name: version.name, version: version.version },
  };
}

async function stagingVersionOrThrow() {
  const v = await db.modelVersion.findFirst({ where: { stage: "staging" }, orderBy: { stagedAt: "desc" } });
  if (!v) throw new AppError("not_found", "No model version is in staging.");
  return v;
}
