import type { Box } from "@/lib/schemas/review";
import { DEFAULT_MATCH_IOU } from "@/lib/agreement/iou";
import { iou } from "@/lib/boxes/convert";

// Weighted boxes fusion (Solovyev et al., as ensemble-boxes' weighted_boxes_fusion with conf_type "avg"), per image
// and class: boxes sorted by score join the first fused box of their class with IoU > threshold; a fused box is the
// score-weighted mean of its members; its score is the mean weighted score, scaled by min(readers, members) / Σweights
// so a box only one of two readers drew scores half.

export type WbfInput = { id: string; reader: number; imageId: string; className: string; box: Box; score?: number };
export type FusedBox = { imageId: string; className: string; box: Box; score: number; members: WbfInput[] };
export type WbfOptions = { iouThreshold?: number; weights?: number[]; skipBelow?: number };

export function weightedBoxesFusion(boxes: WbfInput[], readers: number, o: WbfOptions = {}): FusedBox[] {
  const threshold = o.iouThreshold ?? DEFAULT_MATCH_IOU;
  const weights = o.weights ?? Array.from({ length: readers }, () => 1);
  if (weights.length !== readers) throw new Error(`weights has ${weights.length} entries for ${readers} readers.`);
  const weightSum = weights.reduce((s, w) => s + w, 0);
  const weighted = boxes
    .map((b, order) => ({ b, order, s: (b.score ?? 1) * (weights[b.reader] ?? 0) }))
    .filter((x) => x.s > (o.skipBelow ?? 0))
    .sort((x, y) => y.s - x.s || x.order - y.order);

  const clusters: { imageId: string; className: string; box: Box; members: { b: WbfInput; s: number }[] }[] = [];
  for (const x of weighted) {
    let best = -1;
    let bestIou = threshold;
    clusters.forEach((c, k) => {
      if (c.imageId !== x.b.imageId || c.className !== x.b.className) return;
      const v = iou(c.box, x.b.box);
      if (v > bestIou) [best, bestIou] = [k, v];
    });
    if (best < 0) clusters.push({ imageId: x.b.imageId, className: x.b.className, box: [...x.b.box], members: [x] });
    else {
      const c = clusters[best]!;
      c.members.push(x);
      c.box = weightedMean(c.members);
    }
  }
  return clusters.map((c) => {
    const mean = c.members.reduce((s, m) => s + m.s, 0) / c.members.length;
    return {
      imageId: c.imageId,
      className: c.className,
      box: c.box,
      score: (mean * Math.min(readers, c.members.length)) / weightSum,
      members: c.members.map((m) => m.b),
    };
  });
}

function weightedMean(members: { b: WbfInput; s: number }[]): Box {
  const total = members.reduce((s, m) => s + m.s, 0);
  return [0, 1, 2, 3].map((i) => members.reduce((s, m) => s + m.b.box[i]! * m.s, 0) / total) as Box;
}
