"""`optimize`: a float YOLO ONNX -> statically quantized INT8 (QDQ) ONNX, calibrated on the dataset's own images,
with the float and INT8 evaluations side by side (mAP on the val split, CPU latency) in the new model card.

Static quantization (onnxruntime.quantization.quantize_static, QDQ format: QuantizeLinear/DequantizeLinear pairs
around the quantized ops, so any ONNX runtime can load it): weights INT8 per channel, activations UINT8 with ranges
from MinMax calibration over the letterboxed training images — the same preprocessing as serving and evaluation.
The graph is first prepared with quant_pre_process (shape inference + ONNX Runtime's graph optimisation).
"""

from __future__ import annotations

import contextlib
import statistics
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np
import onnx

from . import progress
from .dataset import list_split, sha256_file
from .evaluate import evaluate
from .onnx_model import OnnxDetector

DEFAULT_CALIBRATION_IMAGES = 64


class LetterboxReader:
    """onnxruntime CalibrationDataReader over image files, letterboxed like serving."""

    def __init__(self, detector: OnnxDetector, images: list[Path]):
        self.detector, self.images, self.i = detector, images, 0

    def get_next(self) -> dict | None:
        if self.i >= len(self.images):
            return None
        img = cv2.imread(str(self.images[self.i]), cv2.IMREAD_COLOR)
        self.i += 1
        if img is None:
            raise ValueError(f"cannot read calibration image {self.images[self.i - 1]}")
        progress.emit("calibrate", done=self.i, total=len(self.images))
        return {self.detector.input_name: self.detector.letterbox(img)[0]}

    def rewind(self) -> None:
        self.i = 0


def calibration_images(dataset: Path, limit: int, seed: int = 0) -> list[Path]:
    """The training split's images (the val split too when train is empty), an even sample of at most `limit`."""
    images = [img for img, _ in list_split(dataset, "train")] or [img for img, _ in list_split(dataset, "val")]
    if not images:
        raise ValueError(f"{dataset} has no images to calibrate on")
    if len(images) > limit:
        rng = np.random.default_rng(seed)
        images = [images[i] for i in sorted(rng.choice(len(images), limit, replace=False))]
    return images


def head_nodes_to_exclude(model: onnx.ModelProto) -> list[str]:
    """The detection head's decode (DFL softmax, box arithmetic, sigmoid, the final concat) stays float: its one
    output tensor mixes box pixels (0..imgsz) and class scores (0..1), and a shared uint8 scale rounds every score
    to 0 (measured on the demo model: mAP@0.5 0.369 -> 0.000 with the head quantized). The head's convolutions
    are still quantized."""
    producers = {o: n for n in model.graph.node for o in n.output}
    last = producers[model.graph.output[0].name].name  # e.g. /model.23/Concat_5
    parts = last.split("/")
    if len(parts) < 3:
        return [last]
    prefix = "/".join(parts[:2]) + "/"
    return [n.name for n in model.graph.node if n.name.startswith(prefix) and n.op_type != "Conv"]


def quantize(model: Path, out: Path, images: list[Path]) -> Path:
    from onnxruntime.quantization import CalibrationMethod, QuantFormat, QuantType, quantize_static
    from onnxruntime.quantization.shape_inference import quant_pre_process

    detector = OnnxDetector(model)
    with tempfile.TemporaryDirectory(prefix="cxr-optimize-") as tmp:
        prepared = Path(tmp) / "prepared.onnx"
        # ORT's pre-processing writes its scratch files (sym_shape_infer_temp.onnx, *.data) into the working directory
        with contextlib.chdir(tmp):
            try:
                quant_pre_process(str(model.resolve()), str(prepared))
            except Exception as e:  # a dynamic batch axis defeats ORT's symbolic shape inference; ONNX's own suffices
                if "symbolic shape" not in str(e):
                    raise
                quant_pre_process(str(model.resolve()), str(prepared), skip_symbolic_shape=True)
        exclude = head_nodes_to_exclude(onnx.load(str(prepared)))
        quantize_static(str(prepared), str(out), LetterboxReader(detector, images), quant_format=QuantFormat.QDQ,
                        per_channel=True, activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8,
                        calibrate_method=CalibrationMethod.MinMax, nodes_to_exclude=exclude)
    # Ultralytics' metadata (names, imgsz, task …) is what the app reads to accept a model: keep it
    src, dst = onnx.load(str(model), load_external_data=False), onnx.load(str(out))
    have = {p.key for p in dst.metadata_props}
    for p in src.metadata_props:
        if p.key not in have:
            dst.metadata_props.add(key=p.key, value=p.value)
    onnx.save(dst, str(out))
    return out


def latency_ms(model: Path, images: list[Path], runs: int = 20, threads: int = 0) -> float:
    """Median session.run time on letterboxed images (onnxruntime CPU, `threads` intra-op, 0 = its default)."""
    import onnxruntime as ort

    detector = OnnxDetector(model)
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    session = ort.InferenceSession(str(model), opts, providers=["CPUExecutionProvider"])
    inputs = [detector.letterbox(cv2.imread(str(p), cv2.IMREAD_COLOR))[0] for p in images[:4]]
    session.run(None, {detector.input_name: inputs[0]})  # warm-up
    times = []
    for i in range(runs):
        t0 = time.perf_counter()
        session.run(None, {detector.input_name: inputs[i % len(inputs)]})
        times.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(times), 2)


def optimize(model: Path, dataset: Path, out: Path, *, card: dict | None = None,
             calibration: int = DEFAULT_CALIBRATION_IMAGES, version_suffix: str = "-int8") -> dict:
    """Write <out>/model.onnx (INT8 QDQ) and <out>/model-card.json; return the card."""
    from .model_card import write_card

    model, dataset, out = Path(model).resolve(), Path(dataset).resolve(), Path(out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    images = calibration_images(dataset, calibration)
    progress.emit("start", f"static INT8 quantization of {model.name}, calibrated on {len(images)} images")
    t0 = time.time()
    target = quantize(model, out / "model.onnx", images)
    quant_s = round(time.time() - t0, 1)
    has_val = bool(list_split(dataset, "val"))
    evals = {k: evaluate(p, dataset, "val") if has_val else None for k, p in (("float", model), ("int8", target))}
    timing = images if not has_val else [img for img, _ in list_split(dataset, "val")]
    lat = {k: latency_ms(p, timing) for k, p in (("float", model), ("int8", target))}

    def m(k: str, key: str):
        return (evals[k] or {}).get(key)

    comparison = {
        "split": "val" if has_val else None,
        "float": {"map50": m("float", "map50"), "map40": m("float", "map40"), "latency_p50_ms": lat["float"]},
        "int8": {"map50": m("int8", "map50"), "map40": m("int8", "map40"), "latency_p50_ms": lat["int8"]},
        "map50_delta": None if m("float", "map50") is None or m("int8", "map50") is None
        else round(m("int8", "map50") - m("float", "map50"), 4),
        "latency": "median onnxruntime CPU session.run on letterboxed val images, default threads, this machine",
    }
    base = dict(card or {})
    name, version = base.get("name", model.stem), str(base.get("version", "0"))
    optimization = {
        "method": "static INT8 quantization, QDQ (onnxruntime.quantization.quantize_static): weights int8 per "
                  "channel, activations uint8, MinMax calibration",
        "base": {"name": name, "version": version, "sha256": sha256_file(model)},
        "calibration": {"images": len(images), "split": "train" if list_split(dataset, "train") else "val",
                        **({"export": base["data"]["export"]} if isinstance(base.get("data"), dict)
                           and base["data"].get("export") else {})},
        "duration_s": quant_s,
        "comparison": comparison,
    }
    new = {**base, "name": name, "version": f"{version}{version_suffix}", "file": "model.onnx",
           "sha256": sha256_file(target), "size_bytes": target.stat().st_size,
           "evaluation": evals["int8"] or base.get("evaluation"), "optimization": optimization}
    new.setdefault("training", {})
    new.setdefault("data", {})
    new.setdefault("intended_use", "Demonstration / research model, not for clinical use.")
    jpath, _ = write_card(new, out)
    progress.emit("done", f"INT8 model {target} ({new['size_bytes'] / 1e6:.1f} MB): mAP@0.5 "
                  f"{comparison['float']['map50']} -> {comparison['int8']['map50']}, latency "
                  f"{lat['float']} -> {lat['int8']} ms", model=str(target), card=str(jpath),
                  map50=comparison["int8"]["map50"], comparison=comparison)
    return new
