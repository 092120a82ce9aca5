// The training worker's validator settings (training/cxr_train/evaluate.py): conf > 0.001, per-class NMS at IoU 0.7,
// at most 300 per image, multi-label. AP is computed on these; false positives per image use the version's own
// operating thresholds instead (what readers are shown).
export const EVAL_DECODE = { confidence: 0.001, iou: 0.7, maxDetections: 300, multiLabel: true } as const;
