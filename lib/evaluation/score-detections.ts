import type { BoxXyxy } from "@/lib/boxes/convert";
import { averagePrecision, matchDetections, meanAp, type ScoredBox } from "@/lib/evaluation/average-precision";

// Per-class AP at IoU 0.5 and 0.4 and their means, as cxr_train.evaluate.score computes them; plus false positives
// per image at the version's operating thresholds (what a reader would actually see).

export type EvalDetection = { image: string; className: string; score: number; box: BoxXyxy };
export type EvalTruth = { image: string; className: string; box: BoxXyxy };
export type ClassScore = { gt: number; detections: number; ap50: number | null; ap40: number | null };
export type DetectionScore = { map50: number | null; map40: number | null; perClass: Record<string, ClassScore> };

export const IOU_THRESHOLDS = [0.5, 0.4] as const;

function truthByImage(truth: readonly EvalTruth[], className: string): Map<string, BoxXyxy[]> {
  const m = new Map<string, BoxXyxy[]>();
  for (const t of truth) if (t.className === className) m.set(t.image, [...(m.get(t.image) ?? []), t.box]);
  return m;
}

const scored = (dets: readonly EvalDetection[], className: string): ScoredBox[] =>
  dets.filter((d) => d.className === className).map((d) => ({ image: d.image, score: d.score, box: d.box }));

/** Scores `classes` (detections and truth of other classes are ignored, as the worker ignores unknown names). */
export function scoreDetections(dets: readonly EvalDetection[], truth: readonly EvalTruth[], classes: readonly string[]): DetectionScore {
  const perClass: Record<string, ClassScore> = {};
  for (const name of classes) {
    const gts = truthByImage(truth, name);
    const mine = scored(dets, name);
    let gt = 0;
    for (const g of gts.values()) gt += g.length;
    perClass[name] = { gt, detections: mine.length, ap50: averagePrecision(mine, gts, 0.5), ap40: averagePrecision(mine, gts, 0.4) };
  }
  const mean = (k: "ap50" | "ap40") => meanAp(Object.fromEntries(Object.entries(perClass).map(([n, r]) => [n, r[k]])));
  return { map50: mean("ap50"), map40: mean("ap40"), perClass };
}

/** Unmatched detections (IoU >= 0.5, greedy by confidence) per class, for detections already at operating thresholds. */
export function falsePositives(
  dets: readonly EvalDetection[],
  truth: readonly EvalTruth[],
  classes: readonly string[],
): Record<string, number> {
  return Object.fromEntries(
    classes.map((name) => [name, matchDetections(scored(dets, name), truthByImage(truth, name), 0.5).filter((m) => !m.tp).length]),
  );
}
