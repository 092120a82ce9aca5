// VinBigData scored detections at IoU ≥ 0.4; reader agreement and box fusion use the same default. (The IoU itself is
// lib/boxes/convert.ts's, the one box module.)
export const DEFAULT_MATCH_IOU = 0.4;
