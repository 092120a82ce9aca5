// Where each box's tag goes on screen: outside its own box (never over the finding), clear of the other tags and, when
// possible, of the other boxes, inside the viewport. Greedy in priority order: the first free candidate wins.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelRequest {
  key: string;
  box: Rect; // the box on screen (canvas pixels)
  width: number; // the tag's size on screen
  height: number;
}

export type Side = "above" | "below" | "left" | "right";
export interface PlacedLabel extends Rect {
  key: string;
  side: Side;
}

const GAP = 2;

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Candidate spots around a box, all outside it, in order of preference. */
function candidates(r: LabelRequest): { rect: Rect; side: Side }[] {
  const { box: b, width: w, height: h } = r;
  const right = b.x + b.width;
  const bottom = b.y + b.height;
  const spots: [number, number, Side][] = [
    [b.x, b.y - h - GAP, "above"],
    [right - w, b.y - h - GAP, "above"],
    [b.x, bottom + GAP, "below"],
    [right - w, bottom + GAP, "below"],
    [right + GAP, b.y, "right"],
    [b.x - w - GAP, b.y, "left"],
    [right + GAP, bottom - h, "right"],
    [b.x - w - GAP, bottom - h, "left"],
  ];
  return spots.map(([x, y, side]) => ({ rect: { x, y, width: w, height: h }, side }));
}

function inside(r: Rect, view: { width: number; height: number }): boolean {
  return r.x >= 0 && r.y >= 0 && r.x + r.width <= view.width && r.y + r.height <= view.height;
}

/**
 * Places the tags in the order given (put the selected and hovered ones first so they get the best spots). A candidate
 * costs: off-screen (heavy), over another tag (heavy), over another box (light); its own box is never a candidate.
 */
export function placeLabels(requests: readonly LabelRequest[], view: { width: number; height: number }): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const boxes = requests.map((r) => ({ key: r.key, rect: r.box }));
  for (const r of requests) {
    let best: { rect: Rect; side: Side; cost: number } | null = null;
    for (const c of candidates(r)) {
      let cost = inside(c.rect, view) ? 0 : 1e6;
      for (const p of placed) cost += overlapArea(c.rect, p) * 100;
      for (const b of boxes) if (b.key !== r.key) cost += overlapArea(c.rect, b.rect);
      if (!best || cost < best.cost) best = { ...c, cost };
      if (cost === 0) break;
    }
    placed.push({ key: r.key, side: best!.side, ...best!.rect });
  }
  return placed;
}
