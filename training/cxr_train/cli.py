"""`cxr-train` command line: import | train | evaluate | optimize | register | make-bench-model.

--progress-json (before or after the command) prints one JSON object per line on stdout
({"stage": ..., ...}); logs and progress bars go to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from pathlib import Path

from . import progress

IMPORT_FORMATS = ("vindr", "chestxdet10", "nih", "coco")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--progress-json", action="store_true", default=argparse.SUPPRESS,
                   help="machine-readable progress: one JSON object per line on stdout")


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="cxr-train", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--progress-json", action="store_true")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("import", help="public box annotations -> YOLO dataset folder (patient-level split)")
    p.add_argument("format", choices=IMPORT_FORMATS)
    p.add_argument("annotations", nargs="+", type=Path, help="train.csv | ChestX-Det10 JSON(s) | BBox csv | COCO")
    p.add_argument("--images", type=Path, required=True, help="folder holding the image files (searched recursively)")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--val-fraction", type=float, default=0.2)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--classes", help="comma-separated app class names to keep, in index order (default: all)")
    p.add_argument("--link", action="store_true", help="symlink images instead of copying")
    p.add_argument("--meta", type=Path, help="vindr: image_id,dim0,dim1 CSV with original image sizes")
    p.add_argument("--wbf-iou", type=float, default=0.5, help="vindr: weighted-box-fusion IoU threshold")
    p.add_argument("--patient-regex", default=r"^([^_]+)_", help="coco: patient id = group 1 of this on file name")
    _common(p)

    p = sub.add_parser("train", help="dataset folder -> YOLO11 -> ONNX + model card")
    p.add_argument("dataset", type=Path)
    p.add_argument("--out", type=Path, required=True, help="folder for model.onnx and model-card.json")
    p.add_argument("--size", default="n", choices=list("nsmlx"))
    p.add_argument("--epochs", type=int, default=50)
    p.add_argument("--imgsz", type=int, default=640)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--device", default="cpu", help="cpu | 0 | 0,1 ...")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--patience", type=int, default=100)
    p.add_argument("--name", default="cxr-yolo11")
    p.add_argument("--version", default="0.1.0")
    p.add_argument("--run-dir", type=Path, help="Ultralytics run folder (default <out>/run)")
    p.add_argument("--data-description", default="", help="text for the model card's data section")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                   help="extra Ultralytics train argument, e.g. --set mosaic=0.5 (repeatable); nbs, warmup_epochs "
                        "and mosaic default from the dataset size (small_data.py)")
    p.add_argument("--export-id", help="the app's export this folder was unpacked from: the card records it and "
                                       "the manifest's sha256 instead of the (temporary) folder")
    _common(p)

    p = sub.add_parser("evaluate", help="ONNX + dataset -> mAP@0.5, mAP@0.4, per-class AP (JSON)")
    p.add_argument("model", type=Path)
    p.add_argument("dataset", type=Path)
    p.add_argument("--split", default="val")
    p.add_argument("--conf", type=float, default=0.001)
    p.add_argument("--nms-iou", type=float, default=0.7)
    p.add_argument("--max-det", type=int, default=300)
    p.add_argument("--output", type=Path, help="write the JSON here as well as stdout")
    p.add_argument("--dump-detections", type=Path, help="detections + ground truth JSON (for cross-checks)")
    p.add_argument("--engine", default="onnxruntime", choices=["onnxruntime", "openvino"])
    p.add_argument("--precision", choices=["f32", "bf16", "f16"],
                   help="openvino: inference precision (default: OpenVINO's own, bf16 on CPUs that have it)")
    _common(p)

    p = sub.add_parser("serve-openvino", help="KServe v2 (Open Inference Protocol) REST server running ONNX models "
                                              "on OpenVINO's CPU plugin")
    p.add_argument("models", nargs="+", help="NAME=path/to/model.onnx (or a path: name = file stem)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--precision", choices=["f32", "bf16", "f16"],
                   help="inference precision (default: OpenVINO's own, bf16 on CPUs that have it)")
    p.add_argument("--threads", type=int, default=0, help="OpenVINO inference threads (0: its default)")
    _common(p)

    p = sub.add_parser("register", help="upload model.onnx + model card to the app (or write models/<name>-<version>/)")
    p.add_argument("model_dir", type=Path, help="folder with model.onnx and model-card.json (train --out)")
    p.add_argument("--url", help="app base URL, e.g. http://localhost:3000 (env CXR_APP_URL)")
    p.add_argument("--token", help="API token (env CXR_API_TOKEN)")
    p.add_argument("--to-dir", type=Path, help="write into this models directory instead of uploading")
    p.add_argument("--fallback-dir", type=Path, help="models directory used when the upload endpoint is missing (404)")
    _common(p)

    p = sub.add_parser("optimize", help="float ONNX -> static INT8 (QDQ) ONNX calibrated on the dataset + card with "
                                         "the float/INT8 comparison")
    p.add_argument("model", type=Path, help="model.onnx, or the folder holding model.onnx and model-card.json")
    p.add_argument("dataset", type=Path, help="dataset folder: calibration on its train images, comparison on val")
    p.add_argument("--out", type=Path, required=True, help="folder for the INT8 model.onnx and model-card.json")
    p.add_argument("--card", type=Path, help="the float model's card (default: model-card.json beside the model)")
    p.add_argument("--calibration-images", type=int, default=64)
    p.add_argument("--version-suffix", default="-int8")
    _common(p)

    p = sub.add_parser("make-bench-model", help="untrained production-sized YOLO11 ONNX for benchmarks only")
    p.add_argument("--out", type=Path, help="default <repo>/.data/bench-models/yolo11<size>-<nc>c-<imgsz>.onnx")
    p.add_argument("--size", default="l", choices=list("nsmlx"))
    p.add_argument("--imgsz", type=int, default=1024)
    p.add_argument("--classes", help="comma-separated names (default: the 14 VinDr-CXR classes)")
    _common(p)
    return ap


def _parse_set(items: list[str]) -> dict:
    import yaml

    out = {}
    for item in items:
        key, _, value = item.partition("=")
        out[key.strip()] = yaml.safe_load(value)
    return out


def _model_arg(text: str) -> tuple[str, Path]:
    name, sep, path = text.partition("=")
    return (name, Path(path)) if sep else (Path(text).stem, Path(text))


def run(args: argparse.Namespace) -> int:
    if args.command == "import":
        from .import_cmd import run_import
        classes = [c.strip() for c in args.classes.split(",")] if args.classes else None
        manifest = run_import(args.format, args.annotations, args.images, args.out, val_fraction=args.val_fraction,
                              seed=args.seed, classes=classes, link=args.link, meta=args.meta,
                              wbf_iou=args.wbf_iou, patient_regex=args.patient_regex)
        return 0 if manifest["images"]["train"] + manifest["images"]["val"] > 0 else 2
    if args.command == "train":
        from .train import train
        train(args.dataset, args.out, size=args.size, epochs=args.epochs, imgsz=args.imgsz, batch=args.batch,
              device=args.device, workers=args.workers, seed=args.seed, patience=args.patience, name=args.name,
              version=args.version, run_dir=args.run_dir, data_description=args.data_description,
              extra=_parse_set(args.set), export_id=args.export_id)
        return 0
    if args.command == "evaluate":
        from .evaluate import evaluate
        result = evaluate(args.model, args.dataset, args.split, args.conf, args.nms_iou, args.max_det,
                          args.dump_detections, args.engine, args.precision)
        text = json.dumps(result, indent=None if progress.json_mode() else 2)
        if args.output:
            args.output.write_text(text + "\n")
        if progress.json_mode():
            progress.emit("result", result=result)
        else:
            print(text)
        return 0
    if args.command == "register":
        from .register import register
        register(args.model_dir, url=args.url, token=args.token, to_dir=args.to_dir, fallback_dir=args.fallback_dir)
        return 0
    if args.command == "serve-openvino":
        from .kserve_openvino import serve
        serve(dict(_model_arg(m) for m in args.models), args.host, args.port, args.precision, args.threads)
        return 0
    if args.command == "optimize":
        from .optimize import optimize
        model = args.model / "model.onnx" if args.model.is_dir() else args.model
        card_path = args.card or model.parent / "model-card.json"
        card = json.loads(card_path.read_text()) if card_path.exists() else None
        optimize(model, args.dataset, args.out, card=card, calibration=args.calibration_images,
                 version_suffix=args.version_suffix)
        return 0
    if args.command == "make-bench-model":
        from .bench_model import make_bench_model
        classes = [c.strip() for c in args.classes.split(",")] if args.classes else None
        make_bench_model(args.out, args.size, args.imgsz, classes)
        return 0
    raise AssertionError(args.command)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    progress.set_json(bool(getattr(args, "progress_json", False)))
    try:
        return run(args)
    except KeyboardInterrupt:
        progress.emit("error", "interrupted", error="interrupted")
        return 130
    except Exception as e:  # noqa: BLE001 — the job runner needs one final machine-readable line
        progress.emit("error", f"{type(e).__name__}: {e}", error=f"{type(e).__name__}: {e}")
        if progress.json_mode() or os.environ.get("CXR_TRAIN_DEBUG"):
            traceback.print_exc()  # stderr; stdout stays JSON-only
        return 1


if __name__ == "__main__":
    sys.exit(main())
