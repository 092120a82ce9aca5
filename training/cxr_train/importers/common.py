"""Shared importer helpers: the result type and the image-file index."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..dataset import IMAGE_EXTS, Record


@dataclass
class ImportResult:
    records: list[Record] = field(default_factory=list)   # annotated images whose image file was found
    annotated_images: int = 0                              # images named by the annotation file
    missing_images: int = 0                                # ... of which no image file was found
    boxes: int = 0                                         # boxes kept on found images
    source_classes: dict[str, int] = field(default_factory=dict)  # source name -> box count (all images)

    def count_class(self, name: str) -> None:
        self.source_classes[name] = self.source_classes.get(name, 0) + 1

    def summary(self) -> dict:
        return {"annotated_images": self.annotated_images, "images_found": len(self.records),
                "missing_images": self.missing_images, "boxes": self.boxes,
                "source_classes": dict(sorted(self.source_classes.items()))}


class ImageIndex:
    """Finds an image by file name or stem (any image extension) under a folder, searched recursively once."""

    def __init__(self, folder: Path | None):
        self.by_name: dict[str, Path] = {}
        self.by_stem: dict[str, Path] = {}
        if folder is None:
            return
        for p in sorted(Path(folder).rglob("*")):
            if p.suffix.lower() in IMAGE_EXTS and p.is_file():
                self.by_name.setdefault(p.name, p)
                self.by_stem.setdefault(p.stem, p)

    def find(self, name: str) -> Path | None:
        return self.by_name.get(Path(name).name) or self.by_stem.get(Path(name).stem)

    def __len__(self) -> int:
        return len(self.by_name)


def add_record(result: ImportResult, record: Record, found: bool) -> None:
    result.annotated_images += 1
    if found:
        result.records.append(record)
        result.boxes += len(record.boxes)
    else:
        result.missing_images += 1
