import type { Box } from "@/lib/schemas/review";

// Intersection over union of two pixel boxes [x1, y1, x2, y2]; 0 when either is empty.
export function iou(a: Box, b: Box): number {
  const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  const union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
  return union > 0 ? inter / union : 0;
}

// VinBigData scored detections at IoU ≥ 0.4; reader agreement and box fusion use the same default.
export const DEFAULT_MATCH_IOU = 0.4;
