"""The one dataset format (what the app's export produces and `import` writes) and its patient-level split.

Folder layout::

    data.yaml              path, train: images/train, val: images/val, names: {0: ..., 1: ...}
    images/{train,val}/    *.png | *.jpg
    labels/{train,val}/    one <stem>.txt per image, lines "class cx cy w h" (normalised 0..1); empty = negative
    manifest.json          optional: source, counts, split, per-image patient id
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

IMAGE_EXTS = (".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff")


@dataclass
class Box:
    cls: str
    x1: float  # normalised 0..1, top-left origin
    y1: float
    x2: float
    y2: float

    def clipped(self) -> "Box | None":
        x1, y1 = max(0.0, min(self.x1, self.x2)), max(0.0, min(self.y1, self.y2))
        x2, y2 = min(1.0, max(self.x1, self.x2)), min(1.0, max(self.y1, self.y2))
        return Box(self.cls, x1, y1, x2, y2) if x2 > x1 and y2 > y1 else None


@dataclass
class Record:
    image_id: str          # file stem used for images/ and labels/
    image_path: Path | None
    patient_id: str
    boxes: list[Box] = field(default_factory=list)


def nih_patient_id(file_name: str) -> str:
    """NIH ChestX-ray14 file names are <patient>_<follow-up>.png: the patient is the part before the first '_'."""
    return Path(file_name).name.split("_", 1)[0]


def patient_split(records: list[Record], val_fraction: float, seed: int = 0) -> dict[str, str]:
    """Patient-level split: shuffle patients (seeded), move whole patients to val until it holds
    >= val_fraction of the images. Returns image_id -> "train" | "val"."""
    by_patient: dict[str, list[str]] = {}
    for r in records:
        by_patient.setdefault(r.patient_id, []).append(r.image_id)
    patients = sorted(by_patient)
    random.Random(seed).shuffle(patients)
    want = val_fraction * len(records)
    split, n_val = {}, 0
    for p in patients:
        part = "val" if n_val < want and val_fraction > 0 else "train"
        n_val += len(by_patient[p]) if part == "val" else 0
        for image_id in by_patient[p]:
            split[image_id] = part
    return split


def yolo_line(index: int, b: Box) -> str:
    cx, cy, w, h = (b.x1 + b.x2) / 2, (b.y1 + b.y2) / 2, b.x2 - b.x1, b.y2 - b.y1
    return f"{index} {cx:.6f} {cy:.6f} {w:.6f} {h:.6f}"


def write_yolo_dataset(records: list[Record], out: Path, names: list[str], val_fraction: float = 0.2,
                       seed: int = 0, link: bool = False, source: str = "", progress=None) -> dict:
    """Write records (with existing images) as a dataset folder; boxes of classes not in `names` are dropped."""
    out = Path(out)
    index = {n: i for i, n in enumerate(names)}
    split = patient_split(records, val_fraction, seed)
    counts = {"train": 0, "val": 0}
    boxes = {n: 0 for n in names}
    dropped = 0
    images = []
    for part in ("train", "val"):
        (out / "images" / part).mkdir(parents=True, exist_ok=True)
        (out / "labels" / part).mkdir(parents=True, exist_ok=True)
    for i, r in enumerate(records):
        part = split[r.image_id]
        ext = r.image_path.suffix.lower()
        dst = out / "images" / part / f"{r.image_id}{ext}"
        if dst.exists() or dst.is_symlink():
            dst.unlink()
        if link:
            dst.symlink_to(r.image_path.resolve())
        else:
            shutil.copy2(r.image_path, dst)
        lines = []
        for b in r.boxes:
            c = b.clipped()
            if c is None or c.cls not in index:
                dropped += 1
                continue
            lines.append(yolo_line(index[c.cls], c))
            boxes[c.cls] += 1
        (out / "labels" / part / f"{r.image_id}.txt").write_text("\n".join(lines) + ("\n" if lines else ""))
        counts[part] += 1
        images.append({"image": f"images/{part}/{dst.name}", "patient": r.patient_id, "split": part,
                       "boxes": len(lines)})
        if progress:
            progress(i + 1, len(records))
    data = {"path": str(out.resolve()), "train": "images/train", "val": "images/val",
            "names": {i: n for i, n in enumerate(names)}}
    (out / "data.yaml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    manifest = {"source": source, "val_fraction": val_fraction, "seed": seed, "split_by": "patient",
                "images": counts, "boxes": boxes, "dropped_boxes": dropped,
                "patients": {p: len({x["patient"] for x in images if x["split"] == p}) for p in counts},
                "items": images}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1))
    return manifest


def load_data_yaml(folder: Path) -> dict:
    """Read a dataset folder's data.yaml with `path` resolved to the folder itself (exports get moved)."""
    folder = Path(folder).resolve()
    data = yaml.safe_load((folder / "data.yaml").read_text())
    names = data["names"]
    if isinstance(names, list):
        names = dict(enumerate(names))
    data["names"] = {int(k): str(v) for k, v in names.items()}
    data["path"] = str(folder)
    return data


def list_split(folder: Path, part: str) -> list[tuple[Path, Path]]:
    """(image, label) pairs of one split; a missing label file means no boxes."""
    folder = Path(folder)
    img_dir = folder / "images" / part
    files = sorted(p for p in img_dir.iterdir() if p.suffix.lower() in IMAGE_EXTS) if img_dir.is_dir() else []
    return [(p, folder / "labels" / part / f"{p.stem}.txt") for p in files]


def read_labels(path: Path) -> list[tuple[int, float, float, float, float]]:
    if not path.exists():
        return []
    rows = []
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) >= 5:
            rows.append((int(float(parts[0])), *map(float, parts[1:5])))
    return rows


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
