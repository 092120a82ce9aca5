import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { inspectUpload } from "@/lib/dicom/inspect-upload";
import type { ModelInput } from "@/lib/inference/model-input";
import { detectWithVersion } from "@/lib/models/version-detector";
import { assertAcceptedFrames, frameNumbers } from "@/lib/dicom/frames";
import { openModelFramesOf } from "@/lib/predictions/load-instance-image";
import { routeStudy } from "@/lib/predictions/route-study";
import type { PredictResponse } from "@/lib/schemas/predict";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

type UploadFrames = { frames: number; image: (frame: number) => Promise<ModelInput>; routingKey: string };

// Bytes of a DICOM, PNG or JPEG → what the model is given per frame, and a sticky routing key (Study UID or content
// hash). The same gate as ingest (header rules, MAX_IMAGE_PIXELS) runs before anything is decoded. A PNG, JPEG or
// single-frame DICOM goes to the inference worker encoded (it decodes there, off the HTTP thread; the bytes are
// transferred, so they are read here first); a multi-frame DICOM is decoded here frame by frame, so its bytes are
// never copied once per frame.
function toModelInput(bytes: Uint8Array): UploadFrames {
  const inspected = inspectUpload(bytes, { maxPixels: env.MAX_IMAGE_PIXELS });
  const hash = () => createHash("sha256").update(bytes).digest("hex");
  if (inspected.kind !== "dicom") return { frames: 1, image: async () => ({ kind: "raster", bytes }), routingKey: hash() };
  assertAcceptedFrames(inspected.meta, env.MAX_FRAMES_PER_IMAGE);
  const routingKey = inspected.meta.studyInstanceUid ?? hash();
  if (inspected.meta.numberOfFrames === 1) return { frames: 1, image: async () => ({ kind: "dicom", bytes, frame: 1 }), routingKey };
  const opened = openModelFramesOf(inspected.dataset, inspected.meta);
  return { frames: opened.frames, image: opened.image, routingKey };
}

/** Milliseconds per stage of one prediction, e.g. for a Server-Timing header. */
export type PredictTimings = Partial<Record<"inspect" | "decode" | "route" | "queue" | "preprocess" | "inference" | "postprocess", number>>;

// The public predict API: no patient data in or out, only boxes, the serving version and the time taken. A multi-frame
// DX/CR DICOM is predicted frame by frame; each prediction says its frame (1 on a single-frame image), so clients of
// single-frame images see the same list as before, with one more field.
export async function predictUpload(bytes: Uint8Array, o: { stage?: "staging"; timings?: PredictTimings } = {}): Promise<PredictResponse> {
  const started = performance.now();
  const input = toModelInput(bytes);
  const inspected = performance.now();
  const version =
    o.stage === "staging"
      ? await stagingVersionOrThrow()
      : (await routeStudy(input.routingKey, { maxAgeMs: env.INFERENCE_ROUTING_CACHE_MS })).served.version;
  const routed = performance.now();
  const size = { width: 0, height: 0, frames: input.frames };
  const totals: PredictTimings = {
    inspect: inspected - started,
    route: routed - inspected,
    decode: 0,
    queue: 0,
    preprocess: 0,
    inference: 0,
    postprocess: 0,
  };
  const predictions: PredictResponse["predictions"] = [];
  for (const frame of frameNumbers(input.frames)) {
    const t0 = performance.now();
    const image = await input.image(frame);
    totals.decode! += performance.now() - t0; // a multi-frame DICOM's frames decode here; everything else in the worker
    const { detections, width, height, timings: t } = await detectWithVersion(version, image);
    if (frame === 1) Object.assign(size, { width, height });
    totals.decode! += t.decodeMs;
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
  return {
    predictions,
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
