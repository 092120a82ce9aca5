import { AppError } from "@/lib/errors";
import { clampBox, cxcywhToXyxy, pixelToNorm, type BoxXyxy } from "@/lib/boxes/convert";
import type { HeadKind } from "./model-metadata";
import { nonMaxSuppression } from "./nms";
import type { Letterbox } from "./preprocess";
import { mapClassName } from "./vocabulary";

// Decodes a detector's raw output into plain detections in each original image's pixels. Pure, no Node APIs.

/** A raw output tensor's data and dims; never leaves lib/inference. */
export interface RawOutput {
  data: Float32Array;
  dims: readonly number[];
}

export interface DecodeOptions {
  /** Minimum confidence, strictly exceeded (Ultralytics `conf`). Default 0.25. */
  confidence?: number;
  /** Per-class minimum confidence keyed by the model's class name; overrides `confidence` for that class. */
  classConfidence?: Readonly<Record<string, number>>;
  /** NMS IoU threshold, strictly exceeded to suppress. Default 0.45. */
  iou?: number;
  /** At most this many detections per image. Default 300. */
  maxDetections?: number;
  /** NMS across classes instead of per class. Default false. */
  agnostic?: boolean;
  /** Keep only these class indices (after choosing each box's best class). */
  classes?: readonly number[];
  /** Every class above its threshold becomes a candidate, not only the best one (Ultralytics' validator; evaluation). */
  multiLabel?: boolean;
}

export interface Detection {
  classIndex: number;
  /** The model's own class name. */
  className: string;
  /** The VinDr-CXR finding it maps to, or the class name when none matches. */
  finding: string;
  confidence: number;
  /** Pixels in the original image, clamped to it. */
  box: BoxXyxy;
  /** `box` divided by the original width and height. */
  boxNorm: BoxXyxy;
}

export const DEFAULT_DECODE = { confidence: 0.25, iou: 0.45, maxDetections: 300 } as const;
const MAX_NMS_INPUT = 30_000; // Ultralytics max_nms: keep the best 30k candidates before NMS

interface Candidate {
  box: BoxXyxy; // letterboxed input pixels
  score: number;
  classIndex: number;
}

function thresholds(names: readonly string[], options: DecodeOptions): Float64Array {
  const base = options.confidence ?? DEFAULT_DECODE.confidence;
  return Float64Array.from(names, (n) => options.classConfidence?.[n] ?? base);
}

function anchorCandidates(
  out: RawOutput,
  item: number,
  nc: number,
  thr: Float64Array,
  allowed: (c: number) => boolean,
  multiLabel = false,
) {
  const [, rows, n] = out.dims as [number, number, number];
  if (rows !== 4 + nc) throw new AppError("unprocessable", `Output has ${rows} rows per anchor; expected ${4 + nc}`);
  const base = item * rows * n;
  const d = out.data;
  const found: Candidate[] = [];
  for (let a = 0; a < n; a++) {
    if (multiLabel) {
      for (let c = 0; c < nc; c++) {
        const s = d[base + (4 + c) * n + a]!;
        if (!(s > thr[c]!) || !allowed(c)) continue;
        found.push({
          box: cxcywhToXyxy(d[base + a]!, d[base + n + a]!, d[base + 2 * n + a]!, d[base + 3 * n + a]!),
          score: s,
          classIndex: c,
        });
      }
      continue;
    }
    let best = 0;
    let score = d[base + 4 * n + a]!;
    for (let c = 1; c < nc; c++) {
      const s = d[base + (4 + c) * n + a]!;
      if (s > score) {
        score = s;
        best = c;
      }
    }
    if (!(score > thr[best]!) || !allowed(best)) continue;
    const box = cxcywhToXyxy(d[base + a]!, d[base + n + a]!, d[base + 2 * n + a]!, d[base + 3 * n + a]!);
    found.push({ box, score, classIndex: best });
  }
  return found;
}

function endToEndCandidates(out: RawOutput, item: number, nc: number, thr: Float64Array, allowed: (c: number) => boolean) {
  const [, n, cols] = out.dims as [number, number, number];
  if (cols !== 6) throw new AppError("unprocessable", `End-to-end output has ${cols} columns; expected 6`);
  const d = out.data;
  const found: Candidate[] = [];
  for (let r = 0; r < n; r++) {
    const o = (item * n + r) * 6;
    const score = d[o + 4]!;
    const cls = Math.round(d[o + 5]!);
    if (cls < 0 || cls >= nc || !(score > thr[cls]!) || !allowed(cls)) continue;
    found.push({ box: [d[o]!, d[o + 1]!, d[o + 2]!, d[o + 3]!], score, classIndex: cls });
  }
  return found;
}

function toOriginal(box: BoxXyxy, lb: Letterbox): BoxXyxy {
  const [x1, y1, x2, y2] = box;
  const back: BoxXyxy = [(x1 - lb.padX) / lb.scale, (y1 - lb.padY) / lb.scale, (x2 - lb.padX) / lb.scale, (y2 - lb.padY) / lb.scale];
  return clampBox(back, { width: lb.srcWidth, height: lb.srcHeight });
}

/** Decodes items 0..letterboxes.length-1 of a batch output; extra (padding) items are ignored. */
export function decodeDetections(
  out: RawOutput,
  head: HeadKind,
  names: readonly string[],
  letterboxes: readonly Letterbox[],
  options: DecodeOptions = {},
): Detection[][] {
  const count = out.dims.reduce((a, b) => a * b, 1);
  if (out.dims.length !== 3 || (out.dims[0] ?? 0) < letterboxes.length || count !== out.data.length) {
    throw new AppError("unprocessable", `Output dims [${out.dims.join(", ")}] do not fit ${letterboxes.length} images`);
  }
  const thr = thresholds(names, options);
  const only = options.classes ? new Set(options.classes) : undefined;
  const allowed = (c: number) => only === undefined || only.has(c);
  const maxDetections = options.maxDetections ?? DEFAULT_DECODE.maxDetections;
  return letterboxes.map((lb, item) => {
    let found: Candidate[];
    if (head === "anchors") {
      found = anchorCandidates(out, item, names.length, thr, allowed, options.multiLabel);
      if (found.length > MAX_NMS_INPUT) found = found.sort((a, b) => b.score - a.score).slice(0, MAX_NMS_INPUT);
      found = nonMaxSuppression(found, {
        iou: options.iou ?? DEFAULT_DECODE.iou,
        maxDetections,
        agnostic: options.agnostic ?? false,
      });
    } else {
      // End-to-end heads are already one box per object: no NMS, as in Ultralytics.
      found = endToEndCandidates(out, item, names.length, thr, allowed).sort((a, b) => b.score - a.score);
      found = found.slice(0, maxDetections);
    }
    const size = { width: lb.srcWidth, height: lb.srcHeight };
    return found.map((c) => {
      const className = names[c.classIndex]!;
      const box = toOriginal(c.box, lb);
      return {
        classIndex: c.classIndex,
        className,
        finding: mapClassName(className),
        confidence: c.score,
        box,
        boxNorm: pixelToNorm(box, size),
      };
    });
  });
}
