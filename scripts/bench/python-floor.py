"""A Python engine kept running for the interleaved predict bench (scripts/bench/python-floor.ts).

argv: ENGINE MODEL.onnx   ENGINE: ultralytics | opencv-ort | openvino
stdin: one image path per line; stdout: one JSON line per image {"ms", "cpu_ms", "boxes"} after a first
{"ready": true, "detail": ...} (or {"error": ...}). Library chatter goes to stderr, never into the protocol.
Runs from the training venv: Ultralytics is AGPL and stays out of the web app.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

OUT = os.fdopen(os.dup(1), "w", buffering=1)
os.dup2(2, 1)  # anything a library prints lands on stderr
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))


def reply(obj: dict) -> None:
    OUT.write(json.dumps(obj) + "\n")


def ultralytics_engine(model: str):
    import ast

    import onnxruntime as ort
    from ultralytics import YOLO

    meta = ort.InferenceSession(model, providers=["CPUExecutionProvider"]).get_modelmeta().custom_metadata_map
    imgsz = ast.literal_eval(meta["imgsz"])  # the export's own size, as the app and the other engines use
    yolo = YOLO(model, task="detect")

    def run(path: str) -> int:
        res = yolo.predict(path, imgsz=imgsz, device="cpu", verbose=False, conf=0.25, iou=0.45)
        return len(res[0].boxes)

    return run, f"Ultralytics {__import__('ultralytics').__version__} predict (its own ONNX Runtime session)"


def detector_engine(model: str, openvino: bool):
    import cv2
    import numpy as np
    from cxr_train.onnx_model import OnnxDetector, decode

    det = OnnxDetector(Path(model))
    detail = f"OpenCV {cv2.__version__} imread + letterbox, ONNX Runtime, numpy NMS"
    raw = det.raw
    if openvino:
        import openvino as ov

        core = ov.Core()
        compiled = core.compile_model(model, "CPU")
        precision = compiled.get_property("INFERENCE_PRECISION_HINT")
        request = compiled.create_infer_request()
        raw = lambda x: request.infer({0: x})[compiled.output(0)]  # noqa: E731
        detail = f"OpenVINO {ov.__version__} CPU, inference precision {precision} (its default), OpenCV decode + letterbox"

    def run(path: str) -> int:
        img = cv2.imread(path, cv2.IMREAD_COLOR)
        x, _, _ = det.letterbox(img)
        return len(decode(np.asarray(raw(x))[0], 0.25, 0.45, 300))

    return run, detail


def main() -> None:
    engine, model = sys.argv[1], sys.argv[2]
    try:
        run, detail = ultralytics_engine(model) if engine == "ultralytics" else detector_engine(model, engine == "openvino")
    except Exception as e:  # noqa: BLE001 — the bench prints why this row is skipped
        reply({"error": f"{type(e).__name__}: {e}"})
        return
    reply({"ready": True, "detail": detail})
    for line in sys.stdin:
        path = line.strip()
        if not path:
            continue
        c0, t0 = time.process_time(), time.perf_counter()
        try:
            boxes = run(path)
        except Exception as e:  # noqa: BLE001
            reply({"error": f"{type(e).__name__}: {e}"})
            continue
        reply({"ms": (time.perf_counter() - t0) * 1000, "cpu_ms": (time.process_time() - c0) * 1000, "boxes": boxes})


if __name__ == "__main__":
    main()
