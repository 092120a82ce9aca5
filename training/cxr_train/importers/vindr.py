"""VinDr-CXR `train.csv`: image_id, class_name, class_id, rad_id, x_min, y_min, x_max, y_max (pixels).

Three radiologists box each image independently; their boxes are fused per class with weighted box fusion
(`ensemble-boxes`), one "model" per radiologist. "No finding" rows (class 14, empty coords) keep the image as a
negative. train.csv has no image size: it comes from `width`/`height` columns when present, else a meta CSV
(image_id, dim0 = rows, dim1 = columns; the common resized-PNG companion file), else the image file itself
(which must then be at the original DICOM resolution).
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
from PIL import Image

from ..dataset import Box, Record
from ..vocab import map_class
from .common import ImageIndex, ImportResult, add_record


def read_meta(path: Path | None) -> dict[str, tuple[float, float]]:
    """image_id -> (width, height) from a dim0 (rows) / dim1 (cols) CSV."""
    if path is None:
        return {}
    with open(path, newline="") as f:
        return {r["image_id"]: (float(r["dim1"]), float(r["dim0"])) for r in csv.DictReader(f)}


def fuse(readers: dict[str, list[tuple[str, list[float]]]], classes: list[str], iou_thr: float,
         skip_box_thr: float) -> list[Box]:
    """WBF over radiologists; boxes normalised 0..1. Fused score (= share of readers agreeing) is not kept."""
    from ensemble_boxes import weighted_boxes_fusion

    boxes_list, scores_list, labels_list = [], [], []
    for rad in sorted(readers):
        items = readers[rad]
        boxes_list.append([np.clip(b, 0, 1).tolist() for _, b in items])
        scores_list.append([1.0] * len(items))
        labels_list.append([classes.index(c) for c, _ in items])
    boxes, _, labels = weighted_boxes_fusion(boxes_list, scores_list, labels_list, iou_thr=iou_thr,
                                             skip_box_thr=skip_box_thr)
    return [Box(classes[int(l)], *map(float, b)) for b, l in zip(boxes, labels)]


def import_vindr(csv_path: Path, images: Path | None, meta: Path | None = None, iou_thr: float = 0.5,
                 skip_box_thr: float = 0.0) -> ImportResult:
    index, result, sizes = ImageIndex(images), ImportResult(), read_meta(meta)
    rows_by_image: dict[str, list[dict]] = {}
    with open(csv_path, newline="") as f:
        for row in csv.DictReader(f):
            rows_by_image.setdefault(row["image_id"], []).append(row)
    for image_id, rows in rows_by_image.items():
        found = index.find(image_id)
        size = sizes.get(image_id)
        if size is None and rows[0].get("width") and rows[0].get("height"):
            size = (float(rows[0]["width"]), float(rows[0]["height"]))
        if size is None and found is not None:
            with Image.open(found) as im:
                size = (float(im.width), float(im.height))
        readers: dict[str, list[tuple[str, list[float]]]] = {}
        classes: list[str] = []
        for r in rows:
            result.count_class(r["class_name"])
            cls = map_class(r["class_name"])
            if cls is None or not r.get("x_min") or size is None:
                continue
            w, h = size
            box = [float(r["x_min"]) / w, float(r["y_min"]) / h, float(r["x_max"]) / w, float(r["y_max"]) / h]
            readers.setdefault(r["rad_id"], []).append((cls, box))
            if cls not in classes:
                classes.append(cls)
        boxes = fuse(readers, classes, iou_thr, skip_box_thr) if readers else []
        # VinDr-CXR publishes no patient id: each image is its own patient
        add_record(result, Record(image_id, found, image_id, boxes), found is not None)
    return result
