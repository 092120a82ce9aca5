import type { Box } from "@/lib/schemas/review";
import { DEFAULT_MATCH_IOU } from "@/lib/agreement/iou";
import { iou } from "@/lib/boxes/convert";

// A reader's box: the image it is on, its class and where it is.
export type ReadBox = { id: string; imageId: string; className: string; box: Box };
export type BoxMatch = { a: ReadBox; b: ReadBox; iou: number };
export type MatchResult = { matched: BoxMatch[]; onlyA: ReadBox[]; onlyB: ReadBox[] };

// One-to-one matching of two readers' boxes: same image, same class, IoU ≥ threshold, highest IoU pairs first
// (greedy, ties by input order, so the result is deterministic).
export function matchBoxes(a: ReadBox[], b: ReadBox[], threshold = DEFAULT_MATCH_IOU): MatchResult {
  const pairs: { i: number; j: number; iou: number }[] = [];
  a.forEach((x, i) =>
    b.forEach((y, j) => {
      if (x.imageId !== y.imageId || x.className !== y.className) return;
      const v = iou(x.box, y.box);
      if (v >= threshold) pairs.push({ i, j, iou: v });
    }),
  );
  pairs.sort((p, q) => q.iou - p.iou || p.i - q.i || p.j - q.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const matched: BoxMatch[] = [];
  for (const p of pairs) {
    if (usedA.has(p.i) || usedB.has(p.j)) continue;
    usedA.add(p.i);
    usedB.add(p.j);
    matched.push({ a: a[p.i]!, b: b[p.j]!, iou: p.iou });
  }
  return { matched, onlyA: a.filter((_, i) => !usedA.has(i)), onlyB: b.filter((_, j) => !usedB.has(j)) };
}
