"""COCO detection JSON: images (id, file_name, width, height), annotations (bbox [x,y,w,h] px), categories."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..dataset import Box, Record
from ..vocab import map_class
from .common import ImageIndex, ImportResult, add_record


def import_coco(json_path: Path, images: Path | None, patient_regex: str = r"^([^_]+)_") -> ImportResult:
    """Patient id = first group of `patient_regex` on the file name (default: NIH style, before the first '_');
    the whole stem when it does not match."""
    data = json.loads(Path(json_path).read_text())
    index, result = ImageIndex(images), ImportResult()
    cats = {c["id"]: c["name"] for c in data.get("categories", [])}
    by_image: dict[int, list[Box]] = {im["id"]: [] for im in data["images"]}
    sizes = {im["id"]: (float(im["width"]), float(im["height"])) for im in data["images"]}
    for a in data.get("annotations", []):
        name = cats.get(a["category_id"], str(a["category_id"]))
        result.count_class(name)
        cls = map_class(name)
        if cls is None or a.get("iscrowd", 0):
            continue
        w, h = sizes[a["image_id"]]
        x, y, bw, bh = a["bbox"]
        by_image[a["image_id"]].append(Box(cls, x / w, y / h, (x + bw) / w, (y + bh) / h))
    pattern = re.compile(patient_regex)
    for im in data["images"]:
        stem = Path(im["file_name"]).stem
        m = pattern.search(Path(im["file_name"]).name)
        found = index.find(im["file_name"])
        record = Record(stem, found, m.group(1) if m else stem, by_image[im["id"]])
        add_record(result, record, found is not None)
    return result
