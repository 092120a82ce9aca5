"""`train`: dataset folder -> YOLO11 (built from yaml, no downloaded weights) -> ONNX with class names in its
metadata -> evaluation on the val split -> model card. Writes <out>/model.onnx, model-card.json, model-card.md."""

from __future__ import annotations

import datetime as dt
import json
import platform
import shlex
import shutil
import sys
import time
from pathlib import Path

import yaml

from . import progress
from .dataset import list_split, load_data_yaml, sha256_file
from .evaluate import evaluate
from .model_card import build_card, write_card
from .offline import prepare_ultralytics
from .small_data import small_data_settings


def _mark_epoch(trainer) -> None:
    trainer._cxr_epoch_pending = True


def _epoch_callback(trainer) -> None:
    # Ultralytics fires on_fit_epoch_end after every epoch and once more after the final validation of best.pt;
    # on_train_epoch_end fires only for real epochs, so it tells the two apart
    if not getattr(trainer, "_cxr_epoch_pending", False):
        progress.emit("validate", "final validation of the best checkpoint", metrics=trainer.metrics or {})
        return
    trainer._cxr_epoch_pending = False
    metrics = {**trainer.label_loss_items(trainer.tloss, prefix="train"), **(trainer.metrics or {})}
    progress.emit("train", epoch=trainer.epoch + 1, epochs=trainer.epochs, metrics=metrics,
                  elapsed_s=round(time.time() - trainer.train_time_start, 1))


def fit(dataset: Path, run_dir: Path, size: str, epochs: int, imgsz: int, batch: int, device: str,
        workers: int, seed: int, patience: int, extra: dict | None = None) -> tuple[Path, int]:
    """Train; return the best checkpoint (.pt) and the number of epochs run (early stopping may cut it)."""
    data = load_data_yaml(dataset)  # `path` re-pointed at the folder: exports may have been moved
    run_dir.mkdir(parents=True, exist_ok=True)
    data_yaml = run_dir / "data.yaml"
    data_yaml.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    from ultralytics import YOLO

    model = YOLO(f"yolo11{size}.yaml", task="detect")
    model.add_callback("on_train_epoch_end", _mark_epoch)
    model.add_callback("on_fit_epoch_end", _epoch_callback)
    model.train(data=str(data_yaml), epochs=epochs, imgsz=imgsz, batch=batch, device=device, workers=workers,
                project=str(run_dir), name="train", exist_ok=True, plots=False, amp=False, pretrained=False,
                seed=seed, deterministic=True, patience=patience, verbose=not progress.json_mode(),
                **(extra or {}))
    best = Path(model.trainer.best)
    return (best if best.exists() else Path(model.trainer.last)), model.trainer.epoch + 1


def export_onnx(weights: Path, imgsz: int, out: Path) -> Path:
    from ultralytics import YOLO

    # Dynamic axes, so the app's batcher can run several images at once (it letterboxes to the metadata's imgsz).
    exported = YOLO(str(weights), task="detect").export(format="onnx", imgsz=imgsz, simplify=True,
                                                        dynamic=True, device="cpu")
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(exported, out)
    return out


def train(dataset: Path, out: Path, *, size: str = "n", epochs: int = 50, imgsz: int = 640, batch: int = 16,
          device: str = "cpu", workers: int = 2, seed: int = 0, patience: int = 100, name: str = "cxr-yolo11",
          version: str = "0.1.0", run_dir: Path | None = None, data_description: str = "",
          notes: str | None = None, extra: dict | None = None, export_id: str | None = None) -> dict:
    dataset, out = Path(dataset).resolve(), Path(out).resolve()
    run_dir = Path(run_dir or out / "run").resolve()
    prepare_ultralytics(quiet=progress.json_mode())
    data = load_data_yaml(dataset)
    classes = [data["names"][i] for i in sorted(data["names"])]
    n_train, n_val = len(list_split(dataset, "train")), len(list_split(dataset, "val"))
    # from the dataset size unless given (--set nbs=… wins): see small_data.py
    settings = {**small_data_settings(n_train, batch, epochs), **(extra or {})}
    progress.emit("start", f"yolo11{size} on {dataset} ({n_train} train / {n_val} val images, "
                  f"classes {classes}), {epochs} epochs at {imgsz} px, nbs {settings['nbs']}, warm-up "
                  f"{settings['warmup_epochs']} epochs, mosaic {settings['mosaic']}", epochs=epochs, imgsz=imgsz,
                  classes=classes, train_images=n_train, val_images=n_val, settings=settings)
    t0 = time.time()
    best, epochs_run = fit(dataset, run_dir, size, epochs, imgsz, batch, device, workers, seed, patience, settings)
    train_s = time.time() - t0
    progress.emit("export", f"exporting {best} to ONNX")
    onnx_path = export_onnx(best, imgsz, out / "model.onnx")
    evaluation = evaluate(onnx_path, dataset, "val") if n_val else None
    training = {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "command": "cxr-train " + shlex.join(sys.argv[1:]) if sys.argv and "cxr" in sys.argv[0]
                else "cxr_train.train.train(...)",
                "epochs": epochs_run, "epochs_requested": epochs, "imgsz": imgsz, "batch": batch, "seed": seed,
                "device": device, "settings": settings,
                "host": f"{platform.machine()}, {platform.processor() or 'cpu'}",
                "duration_s": round(train_s, 1), "weights_init": "random (built from yolo11 yaml, no pretraining)",
                "framework": _versions()}
    data_info = {**_source(dataset, export_id), "classes": classes, "train_images": n_train, "val_images": n_val,
                 "description": data_description or _describe(dataset),
                 "split": "train/val as given by the dataset folder (patient-level when made by the app's export "
                          "or `cxr-train import`)"}
    card = build_card(name=name, version=version, onnx_path=onnx_path, classes=classes, imgsz=imgsz,
                      architecture=f"YOLO11{size} (Ultralytics)", training=training, evaluation=evaluation,
                      data=data_info, **({"notes": notes} if notes else {}))
    jpath, _ = write_card(card, out)
    progress.emit("done", f"model {onnx_path} ({card['size_bytes'] / 1e6:.1f} MB), card {jpath}",
                  model=str(onnx_path), card=str(jpath), map50=(evaluation or {}).get("map50"))
    return card


def _source(dataset: Path, export_id: str | None) -> dict:
    """Where the data came from: the app's export (id + manifest hash: the unpacked folder is temporary) or a folder."""
    manifest = dataset / "manifest.json"
    digest = {"manifest_sha256": sha256_file(manifest)} if manifest.exists() else {}
    if export_id:
        return {"export": {"id": export_id, **digest}}
    return {"folder": str(dataset), **digest}


def _describe(dataset: Path) -> str:
    manifest = dataset / "manifest.json"
    if manifest.exists():
        try:
            source = json.loads(manifest.read_text()).get("source")
            if source:
                return f"dataset folder {dataset.name} ({source})"
        except (ValueError, AttributeError):
            pass
    return f"dataset folder {dataset.name}"


def _versions() -> dict:
    import onnxruntime
    import torch
    import ultralytics

    return {"ultralytics": ultralytics.__version__, "torch": torch.__version__,
            "onnxruntime": onnxruntime.__version__, "python": platform.python_version()}
