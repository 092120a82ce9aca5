// Pure box maths in full-resolution image pixels: [x1, y1, x2, y2], x1 < x2, y1 < y2, inside the image.
import type { BoxXyxy } from "@/lib/boxes/convert";

export type Box = BoxXyxy; // the one box tuple type (lib/boxes/convert.ts)
export type Point = { x: number; y: number };
export type ImageSize = { columns: number; rows: number };
/** A box corner in image space: which of x1/x2 and y1/y2 it is. */
export type Corner = { x: "x1" | "x2"; y: "y1" | "y2" };

export const CORNERS: readonly Corner[] = [
  { x: "x1", y: "y1" },
  { x: "x2", y: "y1" },
  { x: "x2", y: "y2" },
  { x: "x1", y: "y2" },
];
export const MIN_BOX_PX = 4;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const at = (b: Box, c: Corner): Point => ({ x: c.x === "x1" ? b[0] : b[2], y: c.y === "y1" ? b[1] : b[3] });

/** Whole pixels, so a box the reader did not touch compares equal to the AI's after a round trip. */
export function roundBox(b: Box): Box {
  return [Math.round(b[0]), Math.round(b[1]), Math.round(b[2]), Math.round(b[3])];
}

/** The box spanned by two points, clamped to the image; null when smaller than minSize on either side. */
export function boxFromPoints(a: Point, b: Point, size: ImageSize, minSize = MIN_BOX_PX): Box | null {
  const x1 = clamp(Math.min(a.x, b.x), 0, size.columns);
  const x2 = clamp(Math.max(a.x, b.x), 0, size.columns);
  const y1 = clamp(Math.min(a.y, b.y), 0, size.rows);
  const y2 = clamp(Math.max(a.y, b.y), 0, size.rows);
  const box = roundBox([x1, y1, x2, y2]);
  return box[2] - box[0] < minSize || box[3] - box[1] < minSize ? null : box;
}

/** Moves a box by (dx, dy) to a whole-pixel position, keeping its size and keeping it inside the image. */
export function moveBox(b: Box, dx: number, dy: number, size: ImageSize): Box {
  const w = b[2] - b[0];
  const h = b[3] - b[1];
  const x1 = clamp(Math.round(b[0] + dx), 0, Math.max(0, size.columns - w));
  const y1 = clamp(Math.round(b[1] + dy), 0, Math.max(0, size.rows - h));
  return [x1, y1, x1 + w, y1 + h];
}

/**
 * Drags one corner to p (image pixels) while the opposite corner stays put; the corner may cross over.
 * The result is clamped to the image and never thinner than minSize.
 */
export function resizeBox(b: Box, corner: Corner, p: Point, size: ImageSize, minSize = MIN_BOX_PX): Box {
  const fixed = at(b, { x: corner.x === "x1" ? "x2" : "x1", y: corner.y === "y1" ? "y2" : "y1" });
  // Only the dragged corner is rounded: the fixed one keeps its exact (possibly fractional AI) position.
  const px = clamp(Math.round(p.x), 0, size.columns);
  const py = clamp(Math.round(p.y), 0, size.rows);
  const span = (f: number, q: number, max: number): [number, number] => {
    if (Math.abs(q - f) >= minSize) return q < f ? [q, f] : [f, q];
    // Too thin: keep minSize on the side the pointer is on (or the side with room).
    const toHigh = q >= f ? f + minSize <= max : f - minSize < 0;
    return toHigh ? [f, Math.min(max, f + minSize)] : [Math.max(0, f - minSize), f];
  };
  const [x1, x2] = span(fixed.x, px, size.columns);
  const [y1, y2] = span(fixed.y, py, size.rows);
  return [x1, y1, x2, y2];
}

export function cornerPoint(b: Box, c: Corner): Point {
  return at(b, c);
}

/** The axis-aligned canvas rectangle of an image box (rotation is in 90° steps, so corners map to corners). */
export function projectBox(b: Box, toCanvas: (p: Point) => Point): { x: number; y: number; width: number; height: number } {
  const p = toCanvas({ x: b[0], y: b[1] });
  const q = toCanvas({ x: b[2], y: b[3] });
  return { x: Math.min(p.x, q.x), y: Math.min(p.y, q.y), width: Math.abs(q.x - p.x), height: Math.abs(q.y - p.y) };
}

export const sameBox = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);
