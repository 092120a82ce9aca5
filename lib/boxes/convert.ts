import { AppError } from "@/lib/errors";

// The one place that converts between box conventions. Inside the app a box is pixel [x1, y1, x2, y2] in the
// original image's grid; normalised, YOLO and COCO forms exist only at the edges (public API, exports).

/** Pixel or normalised corners, [x1, y1, x2, y2] with x1 <= x2 and y1 <= y2 for a valid box. */
export type BoxXyxy = [x1: number, y1: number, x2: number, y2: number];
/** YOLO label form: centre and size, each normalised to [0, 1] by the image size. */
export type BoxYolo = [cx: number, cy: number, w: number, h: number];
/** COCO form: top-left corner and size, in pixels. */
export type BoxCoco = [x: number, y: number, w: number, h: number];

/** A stored box (Finding, Label, LabelRevision rows keep x1, y1, x2, y2 columns) as pixel corners. */
export const boxOfRow = (r: { x1: number; y1: number; x2: number; y2: number }): BoxXyxy => [r.x1, r.y1, r.x2, r.y2];

export interface ImageSize {
  width: number;
  height: number;
}

function checkSize(size: ImageSize): void {
  const ok = (v: number) => Number.isFinite(v) && v > 0;
  if (!ok(size.width) || !ok(size.height)) {
    throw new AppError("bad_request", `Invalid image size ${size.width}x${size.height}`);
  }
}

export function pixelToNorm(box: BoxXyxy, size: ImageSize): BoxXyxy {
  checkSize(size);
  const [x1, y1, x2, y2] = box;
  return [x1 / size.width, y1 / size.height, x2 / size.width, y2 / size.height];
}

export function normToPixel(box: BoxXyxy, size: ImageSize): BoxXyxy {
  checkSize(size);
  const [x1, y1, x2, y2] = box;
  return [x1 * size.width, y1 * size.height, x2 * size.width, y2 * size.height];
}

export function yoloToPixel(box: BoxYolo, size: ImageSize): BoxXyxy {
  checkSize(size);
  const [cx, cy, w, h] = box;
  return [(cx - w / 2) * size.width, (cy - h / 2) * size.height, (cx + w / 2) * size.width, (cy + h / 2) * size.height];
}

export function pixelToYolo(box: BoxXyxy, size: ImageSize): BoxYolo {
  checkSize(size);
  const [x1, y1, x2, y2] = box;
  return [(x1 + x2) / 2 / size.width, (y1 + y2) / 2 / size.height, (x2 - x1) / size.width, (y2 - y1) / size.height];
}

/** Centre-size to corners in the same units (what a YOLOv8/11 head emits in input pixels). */
export function cxcywhToXyxy(cx: number, cy: number, w: number, h: number): BoxXyxy {
  return [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2];
}

export function cocoToXyxy(box: BoxCoco): BoxXyxy {
  const [x, y, w, h] = box;
  return [x, y, x + w, y + h];
}

export function xyxyToCoco(box: BoxXyxy): BoxCoco {
  const [x1, y1, x2, y2] = box;
  return [x1, y1, x2 - x1, y2 - y1];
}

/** Clamps each corner into [0, width] × [0, height] (Ultralytics clip_boxes semantics). */
export function clampBox(box: BoxXyxy, size: ImageSize): BoxXyxy {
  const cl = (v: number, hi: number) => Math.min(Math.max(v, 0), hi);
  const [x1, y1, x2, y2] = box;
  return [cl(x1, size.width), cl(y1, size.height), cl(x2, size.width), cl(y2, size.height)];
}

/** Area without the legacy +1; 0 for degenerate or inverted boxes. */
export function area(box: BoxXyxy): number {
  const [x1, y1, x2, y2] = box;
  return Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
}

/** Intersection over union; 0 when the union is empty. */
export function iou(a: BoxXyxy, b: BoxXyxy): number {
  const iw = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const ih = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  if (iw <= 0 || ih <= 0) return 0;
  const inter = iw * ih;
  const union = area(a) + area(b) - inter;
  return union > 0 ? inter / union : 0;
}
