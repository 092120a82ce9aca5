import { iou, type BoxXyxy } from "@/lib/boxes/convert";

// Findings diff between a prior film and the current one. The two films are aligned by their lung-field bounding boxes
// (lung-field.ts): a prior box is mapped by the scale and shift that carry the prior's lung field onto the current
// one. A prior final box with a same-class current box (AI or reader) at IoU ≥ 0.2 after that is "persisting", else
// "resolved"; a current box with no prior partner is "new".

export const PRIOR_MATCH_IOU = 0.2;
export type DiffStatus = "new" | "persisting" | "resolved";
export type DiffBox = { id: string; className: string; box: BoxXyxy };
export type DiffEntry = {
  status: DiffStatus;
  className: string;
  priorId: string | null;
  currentId: string | null;
  iou: number | null;
  priorBoxAligned: BoxXyxy | null;
};

/** Maps a box from one film's lung field onto another's (independent scale and shift per axis). */
export function alignBox(box: BoxXyxy, from: BoxXyxy, to: BoxXyxy): BoxXyxy {
  const sx = (to[2] - to[0]) / Math.max(1e-9, from[2] - from[0]);
  const sy = (to[3] - to[1]) / Math.max(1e-9, from[3] - from[1]);
  const x = (v: number) => to[0] + (v - from[0]) * sx;
  const y = (v: number) => to[1] + (v - from[1]) * sy;
  return [x(box[0]), y(box[1]), x(box[2]), y(box[3])];
}

export type FindingsDiff = { prior: DiffEntry[]; current: DiffEntry[] };

// Matching is per box, not one-to-one: a prior nodule boxed on the current film by both the reader and the AI persists,
// and neither current box is "new". `prior`: each prior final box's fate; `current`: each current box, new or persisting.
export function findingsDiff(o: {
  prior: DiffBox[];
  current: DiffBox[];
  priorLung: BoxXyxy;
  currentLung: BoxXyxy;
  minIou?: number;
}): FindingsDiff {
  const min = o.minIou ?? PRIOR_MATCH_IOU;
  const aligned = o.prior.map((p) => ({ p, box: alignBox(p.box, o.priorLung, o.currentLung) }));
  function best<T>(cands: T[], score: (t: T) => number): { t: T; v: number } | null {
    let b: { t: T; v: number } | null = null;
    for (const t of cands) {
      const v = score(t);
      if (v >= min && (!b || v > b.v)) b = { t, v };
    }
    return b;
  }
  return {
    prior: aligned.map(({ p, box }) => {
      const m = best(
        o.current.filter((c) => c.className === p.className),
        (c) => iou(box, c.box),
      );
      return {
        status: m ? "persisting" : "resolved",
        className: p.className,
        priorId: p.id,
        currentId: m?.t.id ?? null,
        iou: m?.v ?? null,
        priorBoxAligned: box,
      };
    }),
    current: o.current.map((c) => {
      const m = best(
        aligned.filter((a) => a.p.className === c.className),
        (a) => iou(a.box, c.box),
      );
      return {
        status: m ? "persisting" : "new",
        className: c.className,
        priorId: m?.t.p.id ?? null,
        currentId: c.id,
        iou: m?.v ?? null,
        priorBoxAligned: m?.t.box ?? null,
      };
    }),
  };
}
