import type { ModelVersion } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { detectWithVersion, thresholdsOf } from "@/lib/models/version-detector";
import { getStorage } from "@/lib/storage/get-storage";
import { imageFeatures } from "@/lib/predictions/image-features";
import { dicomToModelImage } from "@/lib/predictions/load-instance-image";

export type Routing = "production" | "canary" | "shadow" | "staging";

// Runs one version on one stored instance and keeps everything needed later: findings, thresholds, timings, drift features.
export async function predictInstance(instanceId: string, version: ModelVersion, routing: Routing): Promise<{ predictionId: string; findings: number; maxConfidence: number | null }> {
  const instance = await db.instance.findUniqueOrThrow({ where: { id: instanceId } });
  const t0 = performance.now();
  const { image, meta } = await dicomToModelImage(await (await getStorage()).get(instance.storageKey));
  const decodeMs = performance.now() - t0;
  const features = imageFeatures(meta, image.data); // before detect: the engine takes ownership of the pixels
  const { detections, timings } = await detectWithVersion(version, image);
  // Two jobs of one study (a study gets one job per uploaded file) may predict an image at once: the row lock on the
  // instance serialises them here, and the later one keeps the first's prediction instead of adding a second.
  const prediction = await db.$transaction(async (tx) => {
    await tx.instance.updateMany({ where: { id: instanceId }, data: { createdAt: instance.createdAt } });
    const first = await tx.prediction.findFirst({ where: { instanceId, modelVersionId: version.id }, select: { id: true } });
    if (first) return first;
    return tx.prediction.create({
      data: {
        instanceId,
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
