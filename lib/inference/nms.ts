import { iou, type BoxXyxy } from "@/lib/boxes/convert";

// Greedy non-maximum suppression, the torchvision.ops.nms rule Ultralytics uses: highest score first, drop a
// box whose IoU with a kept box of the same class (any class when agnostic) is strictly above the threshold.

export interface NmsCandidate {
  box: BoxXyxy;
  score: number;
  classIndex: number;
}

export interface NmsOptions {
  iou: number;
  maxDetections: number;
  agnostic: boolean;
}

/** Returns the kept candidates, highest score first (ties keep input order). */
export function nonMaxSuppression<T extends NmsCandidate>(candidates: readonly T[], options: NmsOptions): T[] {
  const sorted = [...candidates].sort((a, b) => b.score - a.score);
  const kept: T[] = [];
  const keptByClass = new Map<number, T[]>();
  for (const c of sorted) {
    if (kept.length >= options.maxDetections) break;
    const key = options.agnostic ? -1 : c.classIndex;
    const rivals = keptByClass.get(key) ?? [];
    if (rivals.some((k) => iou(k.box, c.box) > options.iou)) continue;
    rivals.push(c);
    keptByClass.set(key, rivals);
    kept.push(c);
  }
  return kept;
}
