import type { ModelVersion } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { detectWithVersion, thresholdsOf } from "@/lib/models/version-detector";
import { imageFeatures } from "@/lib/predictions/image-features";
import type { ModelFrames } from "@/lib/predictions/load-instance-image";

export type Routing = "production" | "canary" | "shadow" | "staging";
export type FramePrediction = { predictionId: string; findings: number; maxConfidence: number | null };

// Runs one version on one frame (1-based) of a stored instance and keeps everything needed later: findings,
// thresholds, timings, drift features of that frame. A single-frame image is frame 1.
export async function predictFrame(
  instanceId: string,
  opened: ModelFrames,
  frame: number,
  version: ModelVersion,
  routing: Routing,
): Promise<FramePrediction> {
  const t0 = performance.now();
  const image = await opened.image(frame);
  const decodeMs = performance.now() - t0;
  const features = imageFeatures(opened.meta, image.data); // before detect: the engine takes ownership of the pixels
  const { detections, timings } = await detectWithVersion(version, image);
  // Two jobs of one study (a study gets one job per uploaded file) may predict a frame at once: the row lock on the
  // instance serialises them here, and the later one keeps the first's prediction instead of adding a second.
  const prediction = await db.$transaction(async (tx) => {
    const { createdAt } = await tx.instance.findUniqueOrThrow({ where: { id: instanceId }, select: { createdAt: true } });
    await tx.instance.updateMany({ where: { id: instanceId }, data: { createdAt } });
    const first = await tx.prediction.findFirst({ where: { instanceId, frame, modelVersionId: version.id }, select: { id: true } });
    if (first) return first;
    return tx.prediction.create({
      data: {
        instanceId,
        frame,
        modelVersionId: version.id,
        routing,
        visible: routing !== "shadow",
        thresholds: thresholdsOf(version),
        preprocessMs: decodeMs + timings.preprocessMs,
        inferenceMs: timings.inferenceMs,
        postprocessMs: timings.postprocessMs,
        features,
        findings: {
          create: detections.map((d) => ({
            classIndex: d.classIndex,
            className: d.finding,
            modelClass: d.className,
            confidence: d.confidence,
            x1: d.box[0],
            y1: d.box[1],
            x2: d.box[2],
            y2: d.box[3],
          })),
        },
      },
    });
  });
  const maxConfidence = detections.length ? Math.max(...detections.map((d) => d.confidence)) : null;
  return { predictionId: prediction.id, findings: detections.length, maxConfidence };
}
