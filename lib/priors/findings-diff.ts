import { iou, type BoxXyxy } from "@/lib/boxes/convert";

// Findings diff between a prior film and the current one. The two films are aligned by their lung-field bounding boxes
// (lung-field.ts): a prior box is mapped by the scale and shift that carry the prior's lung field onto the current
// one. A prior final box with a same-class current box (AI or reader) at IoU ≥ 0.2 after that is "persisting", else
// "resolved"; a current box with no prior partner is "new".

export const PRIOR_MATCH_IOU = 0.2;
export type DiffStatus = "new" | "persisting" | "resolved";
export type DiffBox = { id: string; className: string; box: BoxXyxy };
export type DiffEntry = { status: DiffStatus; className: string; priorId: string | null; currentId: string | null; iou: number | null; priorBoxAligned: BoxXyxy | null };

/** Maps a box from one film's lung field onto another's (independent scale and shift per axis). */
export function alignBox(box: BoxXyxy, from: BoxXyxy, to: BoxXyxy): BoxXyxy {
  const sx = (to[2] - to[0]) / Math.max(1e-9, from[2] - from[0]);
  const sy = (to[3] - to[1]) / Math.max(1e-9, from[3] - from[1]);
  const x = (v: number) => to[0] + (v - from[0]) * sx;
  const y = (v: number) => to[1] + (v - from[1]) * sy;
  return [x(box[0]), y(box[1]), x(box[2]), y(box[3])];
}

export function findingsDiff(o: { prior: DiffBox[]; current: DiffBox[]; priorLung: BoxXyxy; currentLung: BoxXyxy; minIou?: number }): DiffEntry[] {
  const min = o.minIou ?? PRIOR_MATCH_IOU;
  const matched = new Set<string>();
  const entries: DiffEntry[] = [];
  for (const p of o.prior) {
    const aligned = alignBox(p.box, o.priorLung, o.currentLung);
    let best: { c: DiffBox; v: number } | null = null;
    for (const c of o.current) {
      if (c.className !== p.className || matched.has(c.id)) continue;
      const v = iou(aligned, c.box);
      if (v >= min && (!best || v > best.v)) best = { c, v };
    }
    if (best) matched.add(best.c.id);
    entries.push({ status: best ? "persisting" : "resolved", className: p.className, priorId: p.id, currentId: best?.c.id ?? null, iou: best?.v ?? null, priorBoxAligned: aligned });
  }
  for (const c of o.current) {
    if (!matched.has(c.id)) entries.push({ status: "new", className: c.className, priorId: null, currentId: c.id, iou: null, priorBoxAligned: null });
  }
  return entries;
}
