import type { BoxXyxy } from "@/lib/boxes/convert";

// Average precision exactly as training/cxr_train/ap.py defines it (the training worker's `evaluate`), so the
// registry and the worker agree: greedy by confidence over unmatched ground truth, IoU >= t, VOC all-point AP.

export type ScoredBox = { image: string; score: number; box: BoxXyxy };

/** IoU with continuous coordinates (no +1); 0 when the union is empty. */
export function boxIou(a: BoxXyxy, b: BoxXyxy): number {
  const iw = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const ih = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  const inter = iw * ih;
  const union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
  return union > 0 ? inter / union : 0;
}

/** VOC all-point interpolation over cumulative recall/precision. */
export function vocAp(recall: readonly number[], precision: readonly number[]): number {
  const mrec = [0, ...recall, 1];
  const mpre = [0, ...precision, 0];
  for (let k = mpre.length - 2; k >= 0; k--) mpre[k] = Math.max(mpre[k]!, mpre[k + 1]!);
  let ap = 0;
  for (let k = 0; k < mrec.length - 1; k++) if (mrec[k + 1] !== mrec[k]) ap += (mrec[k + 1]! - mrec[k]!) * mpre[k + 1]!;
  return ap;
}

/** Detections of one class sorted by confidence (stable), each marked true positive or not at IoU >= t. */
export function matchDetections(dets: readonly ScoredBox[], gts: ReadonlyMap<string, readonly BoxXyxy[]>, iouThreshold: number) {
  const order = dets.map((d, i) => ({ d, i })).sort((a, b) => b.d.score - a.d.score || a.i - b.i);
  const matched = new Map<string, boolean[]>([...gts].map(([k, g]) => [k, g.map(() => false)]));
  return order.map(({ d }) => {
    const g = gts.get(d.image);
    if (!g || g.length === 0) return { det: d, tp: false };
    const used = matched.get(d.image)!;
    let best = -1;
    let bestIou = -Infinity;
    g.forEach((box, j) => {
      const v = used[j] ? -1 : boxIou(d.box, box);
      if (v > bestIou) {
        bestIou = v;
        best = j;
      }
    });
    if (bestIou >= iouThreshold) {
      used[best] = true;
      return { det: d, tp: true };
    }
    return { det: d, tp: false };
  });
}

/** AP of one class; null when the class has no ground truth (left out of the mean), 0 with no detections. */
export function averagePrecision(
  dets: readonly ScoredBox[],
  gts: ReadonlyMap<string, readonly BoxXyxy[]>,
  iouThreshold: number,
): number | null {
  let nGt = 0;
  for (const g of gts.values()) nGt += g.length;
  if (nGt === 0) return null;
  if (dets.length === 0) return 0;
  const marks = matchDetections(dets, gts, iouThreshold);
  const recall: number[] = [];
  const precision: number[] = [];
  let tp = 0;
  marks.forEach((m, i) => {
    if (m.tp) tp++;
    recall.push(tp / nGt);
    precision.push(tp / (i + 1));
  });
  return vocAp(recall, precision);
}

/** Mean over classes with ground truth; null when none has any. */
export function meanAp(perClass: Readonly<Record<string, number | null>>): number | null {
  const vals = Object.values(perClass).filter((v): v is number => v !== null);
  return vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : null;
}
