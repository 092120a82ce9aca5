#!/usr/bin/env python3
"""OpenVINO floor for `npm run bench:predict`: end-to-end latency and throughput of an ONNX detector on OpenVINO's
CPU plugin, one JSON object on stdout.

End to end per image: OpenCV grey decode -> 3 channels -> Ultralytics letterbox -> inference -> decode + class-wise
NMS (conf 0.25, IoU 0.45, as the app serves). Rows per precision (OpenVINO's default — bf16 on CPUs with
AVX512_BF16/AMX —, f32, …) and, with --onnxruntime, the same pipeline on onnxruntime's CPU provider for reference.
p50/p95 from sequential runs (LATENCY hint); img/s from --clients threads with one infer request each (THROUGHPUT
hint). Run with the training venv:

  training/.venv/bin/python training/scripts/bench_openvino.py --model models/demo-nodule-mass/model.onnx \
      --images ../shared/data/cxr-mass-nodule/images --precision default f32 --onnxruntime
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import cv2  # noqa: E402
import numpy as np  # noqa: E402

from cxr_train.onnx_model import OnnxDetector, decode  # noqa: E402
from cxr_train.openvino_engine import compile_model, precision_of, version  # noqa: E402

EXTS = (".jpg", ".jpeg", ".png")


def pipeline(det: OnnxDetector, infer, path: Path) -> int:
    grey = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
    x, _, _ = det.letterbox(cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR))
    return len(decode(infer(x)[0], 0.25, 0.45, 300))


def measure(det: OnnxDetector, make_infer, images: list[Path], rounds: int, clients: int) -> dict:
    infer = make_infer()
    pipeline(det, infer, images[0])  # warm-up
    times = []
    for _ in range(rounds):
        for p in images:
            t0 = time.perf_counter()
            pipeline(det, infer, p)
            times.append((time.perf_counter() - t0) * 1000)
    local = threading.local()

    def one(p: Path) -> None:
        if not hasattr(local, "infer"):
            local.infer = make_infer(throughput=True)
        pipeline(det, local.infer, p)

    work = images * rounds
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(one, images[:clients]))  # each thread's warm-up
        t0 = time.perf_counter()
        list(pool.map(one, work))
        wall = time.perf_counter() - t0
    q = statistics.quantiles(times, n=20)
    return {"p50_ms": round(statistics.median(times), 2), "p95_ms": round(q[18], 2),
            "img_s": round(len(work) / wall, 1), "clients": clients, "images": len(images), "runs": len(times)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, required=True)
    ap.add_argument("--images", type=Path, required=True, help="folder of JPEG/PNG images (real radiographs)")
    ap.add_argument("--n", type=int, default=16, help="images used (the first n by name)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--threads", type=int, default=0, help="inference threads (0: the engine's default)")
    ap.add_argument("--precision", nargs="+", default=["default"], choices=["default", "f32", "bf16", "f16"])
    ap.add_argument("--onnxruntime", action="store_true", help="add the same pipeline on onnxruntime (CPU)")
    args = ap.parse_args(argv)
    images = sorted(p for p in args.images.iterdir() if p.suffix.lower() in EXTS)[: args.n]
    if not images:
        print(json.dumps({"error": f"no images in {args.images}"}))
        return 2
    det = OnnxDetector(args.model)
    rows = []
    for prec in args.precision:
        chosen = None if prec == "default" else prec
        compiled = {}

        def make_infer(throughput: bool = False, chosen=chosen, compiled=compiled):
            hint = "THROUGHPUT" if throughput else "LATENCY"
            if hint not in compiled:
                compiled[hint] = compile_model(args.model, chosen, args.threads, hint)
            req = compiled[hint].create_infer_request()
            return lambda x: req.infer([x])[0]

        make_infer()
        actual = precision_of(compiled["LATENCY"])
        row = measure(det, make_infer, images, args.rounds, args.clients)
        rows.append({"system": f"OpenVINO {actual}" + (" (its default)" if chosen is None else ""),
                     "engine": "openvino", "precision": actual, **row})
    if args.onnxruntime:
        import onnxruntime as ort

        def make_ort(throughput: bool = False):
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = args.threads
            s = ort.InferenceSession(str(args.model), opts, providers=["CPUExecutionProvider"])
            name = s.get_inputs()[0].name
            return lambda x: s.run(None, {name: x})[0]

        rows.append({"system": "onnxruntime (Python) f32", "engine": "onnxruntime", "precision": "f32",
                     **measure(det, make_ort, images, args.rounds, args.clients)})
    print(json.dumps({"model": str(args.model), "openvino": version(), "pipeline": "OpenCV grey decode + letterbox + "
                      "inference + decode/NMS", "rows": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
