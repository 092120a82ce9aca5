"""`make-bench-model`: an untrained, production-sized YOLO11 (default L, 14 classes, 1024 px) exported to ONNX.

For latency / throughput benchmarks only: random weights, so its detections mean nothing. Written to a gitignored
path (<repo>/.data/bench-models/) and never committed.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from . import progress
from .offline import prepare_ultralytics
from .vocab import VOCAB

REPO_ROOT = Path(__file__).resolve().parents[2]


def make_bench_model(out: Path | None = None, size: str = "l", imgsz: int = 1024,
                     classes: list[str] | None = None) -> Path:
    prepare_ultralytics(quiet=progress.json_mode())
    import torch
    from ultralytics import YOLO
    from ultralytics.nn.tasks import DetectionModel

    names = list(classes or VOCAB)
    out = Path(out or REPO_ROOT / ".data" / "bench-models" / f"yolo11{size}-{len(names)}c-{imgsz}.onnx")
    progress.emit("bench-model", f"building yolo11{size} with {len(names)} classes (random weights), {imgsz} px")
    t0 = time.time()
    torch.manual_seed(0)
    yolo = YOLO(f"yolo11{size}.yaml", task="detect")
    yolo.model = DetectionModel(f"yolo11{size}.yaml", nc=len(names), verbose=False)
    yolo.model.names = dict(enumerate(names))
    with tempfile.TemporaryDirectory() as tmp:  # save as a checkpoint so export sees a normal trained-model file
        ckpt = Path(tmp) / f"yolo11{size}-bench.pt"
        torch.save({"model": yolo.model, "train_args": {"imgsz": imgsz, "task": "detect"}, "date": None,
                    "version": "bench"}, ckpt)
        # Dynamic axes, so the app's batcher can run several images at once (it letterboxes to the metadata's imgsz).
        exported = Path(YOLO(str(ckpt), task="detect").export(format="onnx", imgsz=imgsz, simplify=True,
                                                                dynamic=True, device="cpu"))
        out.parent.mkdir(parents=True, exist_ok=True)
        exported.replace(out)
    progress.emit("bench-model", f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB) in {time.time() - t0:.0f} s",
                  model=str(out), size_bytes=out.stat().st_size)
    return out
