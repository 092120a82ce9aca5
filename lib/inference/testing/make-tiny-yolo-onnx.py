"""Builds two tiny synthetic Ultralytics-style detectors for the lib/inference tests.

Run: python3 make-tiny-yolo-onnx.py   (needs `onnx` and `numpy`; writes next to this file)
  tiny-yolo.onnx      images [N,3,32,32] -> output0 [N, 4+2, 8]  (YOLOv8/11 head: cx,cy,w,h + class scores)
  tiny-yolo-e2e.onnx  images [N,3,32,32] -> output0 [N, 8, 6]    (end-to-end head: x1,y1,x2,y2,score,class)
  tiny-yolo-fp16.onnx as tiny-yolo.onnx with float16 input and output (an Ultralytics half=True export)
Everything is constant except one score, 0.1 + 0.5 * mean(input), so the output depends on the input.
"""
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = Path(__file__).resolve().parent

# Anchor boxes in letterboxed input pixels (cx, cy, w, h) and class scores [Mass, Nodule].
ANCHORS = [
    ((8, 8, 8, 8), (0.9, 0.05)),
    ((9, 8, 8, 8), (0.8, 0.0)),  # IoU 0.778 with anchor 0, same class: suppressed by NMS
    ((9, 9, 8, 8), (0.0, 0.7)),  # overlaps anchor 0 but other class: kept unless agnostic
    ((24, 24, 8, 8), (0.6, 0.0)),
    ((24, 26, 8, 8), (0.5, 0.0)),  # IoU 0.6 with anchor 3: suppressed
    ((16, 16, 4, 4), (0.0, 0.2)),  # below the default 0.25 threshold
    ((28, 4, 6, 6), (0.3, 0.35)),  # argmax is Nodule
    ((16, 16, 30, 10), (0.0, 0.1)),  # Nodule score gets + 0.5 * mean(input)
]
E2E_ROWS = [
    (4, 4, 12, 12, 0.9, 0),
    (5, 5, 13, 13, 0.7, 1),
    (20, 20, 28, 28, 0.6, 0),
    (1, 11, 31, 21, 0.1, 1),  # score gets + 0.5 * mean(input)
    (25, 1, 31, 7, 0.35, 1),
    (14, 14, 18, 18, 0.2, 1),
    (0, 0, 0, 0, 0.0, 0),
    (0, 0, 0, 0, 0.0, 0),
]


def metadata(end2end: bool) -> dict[str, str]:
    # Values are str() of Python objects, exactly as Ultralytics' exporter writes them.
    meta = {
        "description": "tiny synthetic YOLO for tests",
        "author": "cxr-review tests",
        "version": "8.3.0",
        "license": "Apache-2.0",
        "stride": "32",
        "task": "detect",
        "batch": "1",
        "imgsz": "[32, 32]",
        "names": "{0: 'Mass', 1: 'Nodule'}",
        "args": "{'batch': 1, 'half': False, 'dynamic': True, 'nms': False}",
        "channels": "3",
    }
    if end2end:
        meta["end2end"] = "True"
    return meta


def build(end2end: bool, half: bool = False) -> onnx.ModelProto:
    if end2end:
        const = np.array(E2E_ROWS, dtype=np.float32)[None]  # [1, 8, 6]
        mask = np.zeros_like(const)
        mask[0, 3, 4] = 0.5
        out_shape = ["batch", 8, 6]
    else:
        boxes = np.array([a for a, _ in ANCHORS], dtype=np.float32).T  # [4, 8]
        scores = np.array([s for _, s in ANCHORS], dtype=np.float32).T  # [2, 8]
        const = np.concatenate([boxes, scores])[None]  # [1, 6, 8]
        mask = np.zeros_like(const)
        mask[0, 5, 7] = 0.5
        out_shape = ["batch", 6, 8]
    nodes = [
        helper.make_node("ReduceMean", ["images32" if half else "images"], ["mean4"], axes=[1, 2, 3], keepdims=1),
        helper.make_node("Reshape", ["mean4", "shape3"], ["mean"]),  # [N, 1, 1]
        helper.make_node("Mul", ["mean", "mask"], ["delta"]),  # [N, a, b]
        helper.make_node("Add", ["delta", "const"], ["output32" if half else "output0"]),
    ]
    if half:
        nodes.insert(0, helper.make_node("Cast", ["images"], ["images32"], to=TensorProto.FLOAT))
        nodes.append(helper.make_node("Cast", ["output32"], ["output0"], to=TensorProto.FLOAT16))
    io_type = TensorProto.FLOAT16 if half else TensorProto.FLOAT
    inits = [
        numpy_helper.from_array(const, "const"),
        numpy_helper.from_array(mask, "mask"),
        numpy_helper.from_array(np.array([-1, 1, 1], dtype=np.int64), "shape3"),
    ]
    graph = helper.make_graph(
        nodes,
        "tiny_yolo",
        [helper.make_tensor_value_info("images", io_type, ["batch", 3, 32, 32])],
        [helper.make_tensor_value_info("output0", io_type, out_shape)],
        inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="cxr-review")
    model.ir_version = 8
    for k, v in metadata(end2end).items():
        entry = model.metadata_props.add()
        entry.key, entry.value = k, v
    onnx.checker.check_model(model)
    return model


if __name__ == "__main__":
    onnx.save(build(False), HERE / "tiny-yolo.onnx")
    onnx.save(build(True), HERE / "tiny-yolo-e2e.onnx")
    onnx.save(build(False, half=True), HERE / "tiny-yolo-fp16.onnx")
    print("wrote tiny-yolo.onnx, tiny-yolo-e2e.onnx, tiny-yolo-fp16.onnx in", HERE)
