"""The reference AP definition (see cxr_train/ap.py and the README): hand-computed cases."""

import numpy as np
import pytest

from cxr_train.ap import average_precision, iou_one_to_many, mean_ap, voc_ap

GT = {"a": np.array([[0, 0, 10, 10], [20, 20, 30, 30]], float), "b": np.array([[0, 0, 10, 10]], float)}


def test_iou_uses_continuous_coordinates():
    assert iou_one_to_many(np.array([0, 0, 10, 10.0]), np.array([[5, 0, 15, 10.0]]))[0] == pytest.approx(50 / 150)


def test_perfect_detections_give_ap_1():
    dets = [("a", 0.9, [0, 0, 10, 10]), ("a", 0.8, [20, 20, 30, 30]), ("b", 0.7, [0, 0, 10, 10])]
    assert average_precision(dets, GT, 0.5) == pytest.approx(1.0)


def test_false_positive_ranked_first():
    # FP(0.95), TP, TP, TP -> precision 0, 1/2, 2/3, 3/4 at recall 0, 1/3, 2/3, 1 -> envelope 3/4 everywhere
    dets = [("b", 0.95, [50, 50, 60, 60]), ("a", 0.9, [0, 0, 10, 10]), ("a", 0.8, [20, 20, 30, 30]),
            ("b", 0.7, [0, 0, 10, 10])]
    assert average_precision(dets, GT, 0.5) == pytest.approx(0.75)


def test_duplicate_is_false_positive_and_missed_box_caps_recall():
    # TP, duplicate (FP), TP; recall ends at 2/3: AP = 1/3*1 + 1/3*(2/3)
    dets = [("a", 0.9, [0, 0, 10, 10]), ("a", 0.85, [0, 0, 10, 10]), ("b", 0.8, [0, 0, 10, 10])]
    assert average_precision(dets, GT, 0.5) == pytest.approx(1 / 3 + 2 / 9)


def test_iou_threshold_is_inclusive_and_matters():
    # IoU with [0,0,10,10] is 50/150 = 0.333 when shifted by 5 in x; 0.4 fails, 1/3 passes
    dets = [("b", 0.9, [5, 0, 15, 10])]
    gt = {"b": GT["b"]}
    assert average_precision(dets, gt, 0.4) == 0.0
    assert average_precision(dets, gt, 1 / 3 - 1e-12) == pytest.approx(1.0)


def test_match_goes_to_best_unmatched_ground_truth():
    gt = {"a": np.array([[0, 0, 10, 10], [2, 0, 12, 10]], float)}
    dets = [("a", 0.9, [1, 0, 11, 10]), ("a", 0.8, [1, 0, 11, 10])]  # both overlap both GTs >= 0.5
    assert average_precision(dets, gt, 0.5) == pytest.approx(1.0)


def test_no_detections_and_no_ground_truth():
    assert average_precision([], GT, 0.5) == 0.0
    assert average_precision([("a", 0.9, [0, 0, 1, 1])], {"a": np.zeros((0, 4))}, 0.5) is None
    assert mean_ap({"x": 0.5, "y": None, "z": 1.0}) == pytest.approx(0.75)
    assert mean_ap({"y": None}) is None


def test_voc_ap_all_point_interpolation():
    assert voc_ap(np.array([0.5, 0.5, 1.0]), np.array([1.0, 0.5, 2 / 3])) == pytest.approx(0.5 + 0.5 * 2 / 3)
