"""`import`: run one importer, choose the class list, write the dataset folder."""

from __future__ import annotations

from pathlib import Path

from . import progress
from .dataset import write_yolo_dataset
from .importers.common import ImportResult
from .vocab import order_classes


def load(fmt: str, annotations: list[Path], images: Path, meta: Path | None = None, wbf_iou: float = 0.5,
         patient_regex: str = r"^([^_]+)_") -> ImportResult:
    if fmt == "vindr":
        from .importers.vindr import import_vindr
        return import_vindr(annotations[0], images, meta=meta, iou_thr=wbf_iou)
    if fmt == "chestxdet10":
        from .importers.chestxdet10 import import_chestxdet10
        return import_chestxdet10(annotations, images)
    if fmt == "nih":
        from .importers.nih import import_nih_bbox
        return import_nih_bbox(annotations[0], images)
    if fmt == "coco":
        from .importers.coco import import_coco
        return import_coco(annotations[0], images, patient_regex=patient_regex)
    raise ValueError(f"unknown format {fmt}")


def run_import(fmt: str, annotations: list[Path], images: Path, out: Path, *, val_fraction: float = 0.2,
               seed: int = 0, classes: list[str] | None = None, link: bool = False, **kw) -> dict:
    progress.emit("import", f"reading {fmt} annotations {', '.join(map(str, annotations))}")
    result = load(fmt, annotations, images, **kw)
    summary = result.summary()
    progress.emit("import", f"{summary['annotated_images']} annotated images, {summary['images_found']} found "
                  f"under {images}, {summary['missing_images']} missing; {summary['boxes']} boxes", **summary)
    names = classes or order_classes({b.cls for r in result.records for b in r.boxes})
    if not names:
        names = ["Nodule/Mass"]  # a dataset of negatives only still needs a class list
    manifest = write_yolo_dataset(result.records, Path(out), names, val_fraction, seed, link,
                                  source=f"{fmt}: " + ", ".join(str(a) for a in annotations),
                                  progress=progress.Counter("write", len(result.records)))
    progress.emit("import", f"wrote {out}: {manifest['images']} images, boxes per class {manifest['boxes']}",
                  out=str(out), images=manifest["images"], boxes=manifest["boxes"], names=names)
    return manifest
