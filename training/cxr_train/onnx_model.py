"""An Ultralytics-exported YOLO ONNX: metadata, letterbox preprocessing, decode + per-class NMS.

Output tensor 1 x (4+nc) x N: rows 0..3 are cx, cy, w, h in input pixels, rows 4.. class scores (already sigmoid).
"""

from __future__ import annotations

import ast
from pathlib import Path

import cv2
import numpy as np


class OnnxDetector:
    """`engine` "onnxruntime" (CPU) or "openvino" (CPU plugin, `precision` f32 | bf16 | None = its default); the
    metadata always comes from the ONNX itself."""

    def __init__(self, path: Path, engine: str = "onnxruntime", precision: str | None = None):
        import onnxruntime as ort

        self.session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
        self.engine, self.precision, self._compiled = engine, "f32", None
        if engine == "openvino":
            from .openvino_engine import compile_model, precision_of

            self._compiled = compile_model(path, precision)
            self.precision = precision_of(self._compiled)
        elif engine != "onnxruntime":
            raise ValueError(f"engine must be onnxruntime or openvino, not {engine!r}")
        meta = self.session.get_modelmeta().custom_metadata_map
        self.metadata = dict(meta)
        self.names: dict[int, str] = {int(k): v for k, v in ast.literal_eval(meta["names"]).items()}
        shape = self.session.get_inputs()[0].shape
        imgsz = ast.literal_eval(meta["imgsz"]) if "imgsz" in meta else [shape[2], shape[3]]
        self.imgsz = (int(imgsz[0]), int(imgsz[1])) if isinstance(imgsz, (list, tuple)) else (int(imgsz),) * 2
        self.input_name = self.session.get_inputs()[0].name

    def letterbox(self, img: np.ndarray) -> tuple[np.ndarray, float, tuple[float, float]]:
        """Ultralytics LetterBox(auto=False): keep aspect, centre, pad with 114. Returns NCHW float32 RGB 0..1."""
        h, w = img.shape[:2]
        nh, nw = self.imgsz
        r = min(nh / h, nw / w)
        uw, uh = int(round(w * r)), int(round(h * r))
        dw, dh = (nw - uw) / 2, (nh - uh) / 2
        if (w, h) != (uw, uh):
            img = cv2.resize(img, (uw, uh), interpolation=cv2.INTER_LINEAR)
        top, bottom = int(round(dh - 0.1)), int(round(dh + 0.1))
        left, right = int(round(dw - 0.1)), int(round(dw + 0.1))
        img = cv2.copyMakeBorder(img, top, bottom, left, right, cv2.BORDER_CONSTANT, value=(114, 114, 114))
        x = img[:, :, ::-1].transpose(2, 0, 1)[None].astype(np.float32) / 255.0
        return np.ascontiguousarray(x), r, (left, top)

    def raw(self, x: np.ndarray) -> np.ndarray:
        if self._compiled is not None:
            return self._compiled([x])[0]
        return self.session.run(None, {self.input_name: x})[0]

    def predict(self, image_path: Path, conf: float = 0.001, iou: float = 0.7, max_det: int = 300):
        """-> list of (class index, score, [x1,y1,x2,y2] in original pixels), plus (width, height)."""
        img = cv2.imread(str(image_path), cv2.IMREAD_COLOR)
        if img is None:
            raise ValueError(f"cannot read image {image_path}")
        h, w = img.shape[:2]
        x, r, (px, py) = self.letterbox(img)
        dets = decode(self.raw(x)[0], conf, iou, max_det)
        out = []
        for c, s, (x1, y1, x2, y2) in dets:
            box = [(x1 - px) / r, (y1 - py) / r, (x2 - px) / r, (y2 - py) / r]
            box = [min(max(box[0], 0), w), min(max(box[1], 0), h), min(max(box[2], 0), w), min(max(box[3], 0), h)]
            out.append((c, s, box))
        return out, (w, h)


def nms(boxes: np.ndarray, scores: np.ndarray, iou: float) -> list[int]:
    order, keep = np.argsort(-scores, kind="stable"), []
    while len(order):
        i = order[0]
        keep.append(int(i))
        rest = order[1:]
        ix1 = np.maximum(boxes[i, 0], boxes[rest, 0]); iy1 = np.maximum(boxes[i, 1], boxes[rest, 1])
        ix2 = np.minimum(boxes[i, 2], boxes[rest, 2]); iy2 = np.minimum(boxes[i, 3], boxes[rest, 3])
        inter = np.clip(ix2 - ix1, 0, None) * np.clip(iy2 - iy1, 0, None)
        area = lambda b: (b[..., 2] - b[..., 0]) * (b[..., 3] - b[..., 1])  # noqa: E731
        ious = inter / np.maximum(area(boxes[i]) + area(boxes[rest]) - inter, 1e-9)
        order = rest[ious <= iou]
    return keep


def decode(out: np.ndarray, conf: float, iou: float, max_det: int):
    """(4+nc, N) -> [(class, score, [x1,y1,x2,y2])]: multi-label (every class score > conf), NMS per class,
    then the max_det highest scores — the same rules as Ultralytics' validator."""
    pred = out.T
    xy, wh, scores = pred[:, :2], pred[:, 2:4], pred[:, 4:]
    boxes = np.concatenate([xy - wh / 2, xy + wh / 2], axis=1)
    results = []
    for c in range(scores.shape[1]):
        sel = np.where(scores[:, c] > conf)[0]
        if len(sel) == 0:
            continue
        for k in nms(boxes[sel], scores[sel, c], iou):
            results.append((c, float(scores[sel[k], c]), boxes[sel[k]].tolist()))
    results.sort(key=lambda d: -d[1])
    return results[:max_det]
