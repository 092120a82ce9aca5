import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { decodeRasterFast } from "@/lib/dicom/decode-raster";
import { inspectUpload } from "@/lib/dicom/inspect-upload";
import { scaleToGrey8 } from "@/lib/dicom/scale-to-grey8";
import type { GreyImage } from "@/lib/inference/preprocess";
import { detectWithVersion } from "@/lib/models/version-detector";
import { assertAcceptedFrames, frameNumbers } from "@/lib/dicom/frames";
import { openModelFramesOf } from "@/lib/predictions/load-instance-image";
import { routeStudy } from "@/lib/predictions/route-study";
import type { PredictResponse } from "@/lib/schemas/predict";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

type ModelInput = { frames: number; image: (frame: number) => Promise<GreyImage>; routingKey: string };

// Bytes of a DICOM, PNG or JPEG → the 8-bit images the model sees (one per frame, decoded when asked for), and a
// sticky routing key (Study UID or content hash). The same gate as ingest (header rules, MAX_IMAGE_PIXELS) runs before
// anything is decoded.
async function toModelInput(bytes: Uint8Array): Promise<ModelInput> {
  const inspected = inspectUpload(bytes, { maxPixels: env.MAX_IMAGE_PIXELS });
  if (inspected.kind !== "dicom") {
    const img = await decodeRasterFast(bytes);
    const grey = img.samplesPerPixel !== 1 ? luma(img.pixels) : img.maxValue <= 255 ? Uint8Array.from(img.pixels) : scaleToGrey8(img.pixels, img.maxValue);
    const image = { width: img.columns, height: img.rows, data: grey };
    return { frames: 1, image: async () => image, routingKey: createHash("sha256").update(bytes).digest("hex") };
  }
  assertAcceptedFrames(inspected.meta, env.MAX_FRAMES_PER_IMAGE);
  const opened = openModelFramesOf(inspected.dataset, inspected.meta);
  return { frames: opened.frames, image: opened.image, routingKey: opened.meta.studyInstanceUid ?? createHash("sha256").update(bytes).digest("hex") };
}

function luma(rgb: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(rgb.length / 3);
  for (let i = 0; i < out.length; i++) out[i] = Math.round(0.299 * rgb[3 * i]! + 0.587 * rgb[3 * i + 1]! + 0.114 * rgb[3 * i + 2]!);
  return out;
}

/** Milliseconds per stage of one prediction, e.g. for a Server-Timing header. */
export type PredictTimings = Partial<Record<"decode" | "route" | "queue" | "preprocess" | "inference" | "postprocess", number>>;

// The public predict API: no patient data in or out, only boxes, the serving version and the time taken. A multi-frame
// DX/CR DICOM is predicted frame by frame; each prediction says its frame (1 on a single-frame image), so clients of
// single-frame images see the same list as before, with one more field.
export async function predictUpload(bytes: Uint8Array, o: { stage?: "staging"; timings?: PredictTimings } = {}): Promise<PredictResponse> {
  const started = performance.now();
  const input = await toModelInput(bytes);
  const first = await input.image(1);
  const decoded = performance.now();
  const version = o.stage === "staging" ? await stagingVersionOrThrow() : (await routeStudy(input.routingKey, { maxAgeMs: env.INFERENCE_ROUTING_CACHE_MS })).served.version;
  const routed = performance.now();
  const size = { width: first.width, height: first.height, frames: input.frames };
  const totals: PredictTimings = { decode: decoded - started, route: routed - decoded, queue: 0, preprocess: 0, inference: 0, postprocess: 0 };
  const predictions: PredictResponse["predictions"] = [];
  for (const frame of frameNumbers(input.frames)) {
    const t0 = performance.now();
    const image = frame === 1 ? first : await input.image(frame);
    totals.decode! += frame === 1 ? 0 : performance.now() - t0;
    const { detections, timings: t } = await detectWithVersion(version, image);
    totals.queue! += t.queueMs;
    totals.preprocess! += t.preprocessMs;
    totals.inference! += t.inferenceMs;
    totals.postprocess! += t.postprocessMs;
    for (const d of detections) {
      predictions.push({
        class: d.finding,
        model_class: d.className,
        confidence: Math.round(d.confidence * 1e4) / 1e4,
        bbox: d.boxNorm.map((v) => Math.round(v * 1e5) / 1e5) as [number, number, number, number],
        bbox_px: d.box.map((v) => Math.round(v * 10) / 10) as [number, number, number, number],
        frame,
      });
    }
  }
  if (o.timings) Object.assign(o.timings, totals);
  return { predictions, inference_time: Math.round(performance.now() - started) / 1000, image: size, model: { name: version.name, version: version.version } };
}

async function stagingVersionOrThrow() {
  const v = await db.modelVersion.findFirst({ where: { stage: "staging" }, orderBy: { stagedAt: "desc" } });
  if (!v) throw new AppError("not_found", "No model version is in staging.");
  return v;
}
