"""Decode, letterbox and scoring units of the evaluator (no model needed)."""

import numpy as np
import pytest

from cxr_train.evaluate import score
from cxr_train.onnx_model import OnnxDetector, decode, nms


def test_decode_multilabel_nms_and_max_det():
    # anchors (cx, cy, w, h, score class 0, score class 1): a0/a1 overlap (NMS keeps a0), a2 is elsewhere and
    # scores for both classes (multi-label), a3 is below conf
    anchors = [(10, 10, 30, 20, 0.9, 0.0), (11, 10, 30, 20, 0.8, 0.0), (50, 50, 10, 10, 0.6, 0.3),
               (50, 50, 10, 10, 0.0005, 0.0)]
    out = np.array(anchors, dtype=np.float32).T  # (4+nc, N) as the model emits it
    dets = decode(out, conf=0.001, iou=0.7, max_det=300)
    assert [(c, round(s, 3)) for c, s, _ in dets] == [(0, 0.9), (0, 0.6), (1, 0.3)]
    assert dets[0][2] == pytest.approx([-5, 0, 25, 20])
    assert len(decode(out, conf=0.001, iou=0.7, max_det=2)) == 2


def test_nms_keeps_the_highest_of_overlapping_boxes():
    boxes = np.array([[0, 0, 10, 10], [1, 1, 11, 11], [20, 20, 30, 30]], float)
    assert nms(boxes, np.array([0.5, 0.9, 0.7]), 0.5) == [1, 2]


def test_letterbox_matches_ultralytics_geometry():
    det = OnnxDetector.__new__(OnnxDetector)
    det.imgsz = (64, 64)
    x, r, (px, py) = det.letterbox(np.full((50, 100, 3), 255, np.uint8))
    assert x.shape == (1, 3, 64, 64) and r == pytest.approx(0.64) and (px, py) == (0, 16)
    assert x[0, 0, 0, 0] == pytest.approx(114 / 255) and x[0, 0, 32, 32] == pytest.approx(1.0)


def test_score_perfect_and_empty():
    gts = {"A": {"i1": np.array([[0, 0, 10, 10.0]])}, "B": {"i1": np.zeros((0, 4))}}
    r = score([("i1", "A", 0.9, [0, 0, 10, 10])], gts)
    assert r["map50"] == 1.0 and r["map40"] == 1.0 and r["per_class"]["B"]["ap50"] is None
    assert score([], gts)["map50"] == 0.0
