"""Average precision in plain numpy — the reference definition the app's TypeScript evaluator must match.

Definition (per class, per IoU threshold t):
1. Detections of the class from all images are sorted by confidence, descending (stable: ties keep input order).
2. Greedy matching in that order: a detection is a true positive when, among the ground-truth boxes of the same
   class in the same image that are NOT yet matched, the one with the highest IoU has IoU >= t (ties: the first
   such box in ground-truth order); that box becomes matched. Otherwise it is a false positive.
   IoU uses continuous coordinates (no +1): inter / (area_a + area_b - inter).
3. recall_i = TP_i / n_gt, precision_i = TP_i / i (cumulative over the first i detections).
4. VOC all-point interpolation: mrec = [0, recall..., 1], mpre = [0, precision..., 0]; make mpre non-increasing
   from the right (mpre[k] = max(mpre[k], mpre[k+1])); AP = sum over k where mrec[k+1] != mrec[k] of
   (mrec[k+1] - mrec[k]) * mpre[k+1].
5. A class with ground truth but no detections has AP 0. A class with no ground truth has AP None and is left out.
   mAP = mean AP over classes that have ground truth (None when no class has any).
"""

from __future__ import annotations

import numpy as np


def iou_one_to_many(box: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """IoU of one [x1,y1,x2,y2] box with an (n,4) array."""
    if len(boxes) == 0:
        return np.zeros(0)
    ix1, iy1 = np.maximum(box[0], boxes[:, 0]), np.maximum(box[1], boxes[:, 1])
    ix2, iy2 = np.minimum(box[2], boxes[:, 2]), np.minimum(box[3], boxes[:, 3])
    inter = np.clip(ix2 - ix1, 0, None) * np.clip(iy2 - iy1, 0, None)
    area = (box[2] - box[0]) * (box[3] - box[1])
    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    union = area + areas - inter
    return np.where(union > 0, inter / np.where(union > 0, union, 1), 0.0)


def voc_ap(recall: np.ndarray, precision: np.ndarray) -> float:
    mrec = np.concatenate(([0.0], recall, [1.0]))
    mpre = np.concatenate(([0.0], precision, [0.0]))
    for k in range(len(mpre) - 2, -1, -1):
        mpre[k] = max(mpre[k], mpre[k + 1])
    idx = np.where(mrec[1:] != mrec[:-1])[0]
    return float(np.sum((mrec[idx + 1] - mrec[idx]) * mpre[idx + 1]))


def average_precision(dets: list[tuple[str, float, list[float]]], gts: dict[str, np.ndarray],
                      iou_thr: float) -> float | None:
    """dets: (image key, confidence, [x1,y1,x2,y2]) of one class; gts: image key -> (n,4) boxes of that class."""
    n_gt = sum(len(g) for g in gts.values())
    if n_gt == 0:
        return None
    if not dets:
        return 0.0
    order = sorted(range(len(dets)), key=lambda i: -dets[i][1])  # Python's sort is stable
    matched = {k: np.zeros(len(g), dtype=bool) for k, g in gts.items()}
    tp = np.zeros(len(order))
    for rank, i in enumerate(order):
        key, _, box = dets[i]
        g = gts.get(key)
        if g is None or len(g) == 0:
            continue
        ious = iou_one_to_many(np.asarray(box, dtype=float), np.asarray(g, dtype=float))
        ious[matched[key]] = -1.0
        j = int(np.argmax(ious))
        if ious[j] >= iou_thr:
            matched[key][j] = True
            tp[rank] = 1
    ctp = np.cumsum(tp)
    recall = ctp / n_gt
    precision = ctp / np.arange(1, len(order) + 1)
    return voc_ap(recall, precision)


def mean_ap(per_class: dict[str, float | None]) -> float | None:
    vals = [v for v in per_class.values() if v is not None]
    return float(np.mean(vals)) if vals else None
