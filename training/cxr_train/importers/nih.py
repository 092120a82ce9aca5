"""NIH ChestX-ray14 `BBox_List_2017.csv`: Image Index, Finding Label, Bbox [x,y,w,h] in the 1024 px grid."""

from __future__ import annotations

import csv
from pathlib import Path

from ..dataset import Box, Record, nih_patient_id
from ..vocab import map_class
from .common import ImageIndex, ImportResult, add_record

SOURCE_SIZE = 1024


def import_nih_bbox(csv_path: Path, images: Path | None, size: int = SOURCE_SIZE) -> ImportResult:
    index, result = ImageIndex(images), ImportResult()
    by_image: dict[str, list[Box]] = {}
    with open(csv_path, newline="") as f:
        rows = csv.reader(f)
        next(rows)  # header; the file has trailing empty columns, so read by position
        for row in rows:
            if len(row) < 6 or not row[0].strip():
                continue
            name, label = row[0].strip(), row[1].strip()
            x, y, w, h = (float(v) for v in row[2:6])
            result.count_class(label)
            cls = map_class(label)
            boxes = by_image.setdefault(name, [])
            if cls is not None:
                boxes.append(Box(cls, x / size, y / size, (x + w) / size, (y + h) / size))
    for name, boxes in by_image.items():
        found = index.find(name)
        add_record(result, Record(Path(name).stem, found, nih_patient_id(name), boxes), found is not None)
    return result
