import { imageKey } from "@/lib/dicom/frames";
import type { ModelVersion } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { mapClassName } from "@/lib/inference/vocabulary";
import { engineFor, thresholdsOf } from "@/lib/models/version-detector";
import { dicomToModelImage } from "@/lib/predictions/load-instance-image";
import { getStorage } from "@/lib/storage/get-storage";
import { EVAL_DECODE } from "@/lib/evaluation/eval-decode";
import { readEvaluationSettings } from "@/lib/evaluation/evaluation-settings";
import { loadHeldOutSet } from "@/lib/evaluation/load-held-out-set";
import { falsePositives, scoreDetections, type EvalDetection } from "@/lib/evaluation/score-detections";

export const NO_DATA_MESSAGE = "No signed-off reviews in the held-out set yet.";

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

// Runs a version over the held-out set through its serving engine: once with the validator's settings for AP, once
// at its operating thresholds for false positives per image and latency (what readers get). Classes are the app's
// findings the version can produce; reader boxes of other findings are counted in details but not scored.
export async function evaluateVersion(evaluationId: string, progress?: (fraction: number, message?: string) => Promise<void>) {
  const ev = await db.evaluation.update({
    where: { id: evaluationId },
    data: { status: "running", error: null },
    include: { modelVersion: true },
  });
  const { heldOutFraction } = await readEvaluationSettings();
  const set = await loadHeldOutSet(heldOutFraction);
  const description = `held-out signed-off reviews: ${set.studies} of ${set.signedOffStudies} signed-off studies (patient-level, ${Math.round(heldOutFraction * 100)} % of patients)`;
  if (set.images.length === 0) {
    return db.evaluation.update({
      where: { id: evaluationId },
      data: { status: "no_data", datasetDescription: description, imageCount: 0, error: NO_DATA_MESSAGE, finishedAt: new Date() },
    });
  }
  const version = ev.modelVersion;
  const classes = [...new Set((version.classes as string[]).map(mapClassName))];
  const { ranked, served, latencies, engine } = await runImages(version, set.images, progress);
  const score = scoreDetections(ranked, set.truth, classes);
  const fp = falsePositives(served, set.truth, classes);
  const fpTotal = Object.values(fp).reduce((a, b) => a + b, 0);
  const t = thresholdsOf(version);
  return db.evaluation.update({
    where: { id: evaluationId },
    data: {
      status: "succeeded",
      datasetDescription: description,
      imageCount: set.images.length,
      map50: score.map50,
      map40: score.map40,
      perClassAp: Object.fromEntries(Object.entries(score.perClass).map(([n, r]) => [n, { ap50: r.ap50, ap40: r.ap40, gt: r.gt }])),
      fpPerImage: fpTotal / set.images.length,
      latencyP50Ms: median(latencies),
      details: {
        studies: set.studies,
        images: set.images.length,
        heldOutFraction,
        perClass: Object.fromEntries(Object.entries(score.perClass).map(([n, r]) => [n, { ...r, falsePositives: fp[n] ?? 0 }])),
        unscoredBoxes: set.truth.filter((b) => !classes.includes(b.className)).length,
        apDecode: EVAL_DECODE,
        engine, // what ran the graph, e.g. "cpu" or "kserve:openvino/bf16": bf16 changes outputs, so a promotion checks it

        operatingThresholds: { confidence: t.confidence, iou: t.iou, perClass: t.perClass },
        definition:
          "VOC all-point AP, greedy by confidence over unmatched ground truth, IoU >= t (as cxr-train evaluate); FP/image at the version's thresholds, IoU 0.5",
      },
      finishedAt: new Date(),
    },
  });
}

async function runImages(
  version: ModelVersion,
  images: { instanceId: string; frame: number; storageKey: string }[],
  progress?: (f: number, m?: string) => Promise<void>,
) {
  const engine = await engineFor(version);
  const storage = await getStorage();
  const t = thresholdsOf(version);
  const ranked: EvalDetection[] = [];
  const served: EvalDetection[] = [];
  const latencies: number[] = [];
  for (const [i, img] of images.entries()) {
    const { image } = await dicomToModelImage(await storage.get(img.storageKey), img.frame);
    const copy = { ...image, data: image.data.slice() }; // detect takes ownership of the pixels
    const all = await engine.detect(image, EVAL_DECODE);
    const shown = await engine.detect(copy, { confidence: t.confidence, iou: t.iou, classConfidence: t.perClass });
    latencies.push(shown.timings.totalMs);
    const key = imageKey(img.instanceId, img.frame);
    for (const d of all.detections) ranked.push({ image: key, className: d.finding, score: d.confidence, box: d.box });
    for (const d of shown.detections) served.push({ image: key, className: d.finding, score: d.confidence, box: d.box });
    await progress?.((i + 1) / images.length, `${i + 1}/${images.length} images`);
  }
  return { ranked, served, latencies, engine: engine.providerUsed };
}
