"""ChestX-Det10 JSON: [{"file_name", "syms": [class...], "boxes": [[x1,y1,x2,y2]...]}], pixels at 1024x1024."""

from __future__ import annotations

import json
from pathlib import Path

from ..dataset import Box, Record, nih_patient_id
from ..vocab import map_class
from .common import ImageIndex, ImportResult, add_record

SOURCE_SIZE = 1024  # ChestX-Det10 boxes are in the NIH 1024 px grid whatever size the image copy has


def import_chestxdet10(json_paths: list[Path], images: Path | None, size: int = SOURCE_SIZE) -> ImportResult:
    index, result = ImageIndex(images), ImportResult()
    for path in json_paths:
        for item in json.loads(Path(path).read_text()):
            boxes = []
            for sym, (x1, y1, x2, y2) in zip(item["syms"], item["boxes"]):
                result.count_class(sym)
                cls = map_class(sym)
                if cls is not None:
                    boxes.append(Box(cls, x1 / size, y1 / size, x2 / size, y2 / size))
            name = item["file_name"]
            found = index.find(name)
            add_record(result, Record(Path(name).stem, found, nih_patient_id(name), boxes), found is not None)
    return result
