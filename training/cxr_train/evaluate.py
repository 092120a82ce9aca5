"""`evaluate`: an ONNX model on a dataset split -> mAP@0.5, mAP@0.4 (VinBigData's metric), per-class AP, as JSON.

Detections: conf > 0.001, per-class NMS at IoU 0.7, at most 300 per image (Ultralytics' validator settings);
AP as defined in `cxr_train.ap`. Classes are matched between model and dataset by name.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from . import progress
from .ap import average_precision, mean_ap
from .dataset import list_split, load_data_yaml, read_labels
from .onnx_model import OnnxDetector

IOU_THRESHOLDS = (0.5, 0.4)


def collect(model: OnnxDetector, folder: Path, split: str, conf: float, nms_iou: float, max_det: int):
    """-> (dataset names, detections [(image, class name, score, box px)], gts {class: {image: (n,4) px}}, n)."""
    data = load_data_yaml(folder)
    names = data["names"]
    pairs = list_split(folder, split)
    dets, gts = [], {n: {} for n in names.values()}
    tick = progress.Counter("evaluate", len(pairs))
    for i, (img, lbl) in enumerate(pairs):
        found, (w, h) = model.predict(img, conf, nms_iou, max_det)
        key = img.name
        for c, s, box in found:
            dets.append((key, model.names.get(c, str(c)), s, box))
        for n in names.values():
            gts[n].setdefault(key, np.zeros((0, 4)))
        for c, cx, cy, bw, bh in read_labels(lbl):
            box = [(cx - bw / 2) * w, (cy - bh / 2) * h, (cx + bw / 2) * w, (cy + bh / 2) * h]
            name = names.get(c, str(c))
            gts.setdefault(name, {})
            gts[name][key] = np.vstack([gts[name].get(key, np.zeros((0, 4))), box])
        tick(i + 1)
    return names, dets, gts, len(pairs)


def score(dets, gts) -> dict:
    per_class = {}
    for name, by_image in gts.items():
        class_dets = [(k, s, b) for k, n, s, b in dets if n == name]
        row = {"gt": int(sum(len(g) for g in by_image.values())), "detections": len(class_dets)}
        for t in IOU_THRESHOLDS:
            row[f"ap{int(t * 100)}"] = average_precision(class_dets, by_image, t)
        per_class[name] = row
    result = {f"map{int(t * 100)}": mean_ap({n: r[f"ap{int(t * 100)}"] for n, r in per_class.items()})
              for t in IOU_THRESHOLDS}
    result["per_class"] = per_class
    return result


def evaluate(model_path: Path, folder: Path, split: str = "val", conf: float = 0.001, nms_iou: float = 0.7,
             max_det: int = 300, dump_detections: Path | None = None, engine: str = "onnxruntime",
             precision: str | None = None) -> dict:
    model = OnnxDetector(model_path, engine, precision)
    names, dets, gts, n = collect(model, Path(folder), split, conf, nms_iou, max_det)
    result = {"model": str(model_path), "dataset": str(folder), "split": split, "images": n,
              "engine": {"name": model.engine, "precision": model.precision},
              "definition": "VOC all-point AP, greedy by confidence over unmatched GT, IoU>=t; "
                            "mAP = mean over classes with GT",
              "conf": conf, "nms_iou": nms_iou, "max_det": max_det, **score(dets, gts)}
    if dump_detections:
        import json
        Path(dump_detections).write_text(json.dumps({
            "detections": [{"image": k, "class": c, "score": s, "box": b} for k, c, s, b in dets],
            "ground_truth": [{"image": k, "class": c, "box": b.tolist()}
                             for c, by in gts.items() for k, arr in by.items() for b in arr],
            "result": {k: result[k] for k in ("map50", "map40", "per_class")}}))
    progress.emit("evaluate", f"mAP@0.5 {fmt(result['map50'])}  mAP@0.4 {fmt(result['map40'])} on {n} images",
                  map50=result["map50"], map40=result["map40"])
    return result


def fmt(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.4f}"
