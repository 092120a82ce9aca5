"""Training smoke run: 1 epoch at 64 px on generated images through the CLI -> ONNX that runtimes decode."""

import ast
import hashlib
import json
import shutil
import subprocess

import numpy as np
import onnxruntime as ort

from conftest import REPO, TRAINING, run_cli
from cxr_train.onnx_model import OnnxDetector

NAMES = {0: "Nodule/Mass", 1: "Pleural effusion"}
N_ANCHORS_64 = 8 * 8 + 4 * 4 + 2 * 2


def test_progress_json_lines(smoke_model):
    _, proc = smoke_model
    lines = [l for l in proc.stdout.splitlines() if l.strip()]
    events = [json.loads(l) for l in lines]  # stdout carries nothing but JSON lines
    stages = [e["stage"] for e in events]
    assert stages[0] == "start" and stages[-1] == "done" and "export" in stages and "evaluate" in stages
    epochs = [e for e in events if e["stage"] == "train"]
    assert len(epochs) == 1 and epochs[0]["epoch"] == 1 and epochs[0]["epochs"] == 1
    assert stages.count("validate") <= 1  # the final validation of best.pt is reported apart
    assert "train/box_loss" in epochs[0]["metrics"] and "metrics/mAP50(B)" in epochs[0]["metrics"]


def test_onnx_metadata_and_output_shape(smoke_model):
    out, _ = smoke_model
    sess = ort.InferenceSession(str(out / "model.onnx"), providers=["CPUExecutionProvider"])
    meta = sess.get_modelmeta().custom_metadata_map
    assert ast.literal_eval(meta["names"]) == NAMES
    assert ast.literal_eval(meta["imgsz"]) == [64, 64]
    y = sess.run(None, {sess.get_inputs()[0].name: np.zeros((1, 3, 64, 64), np.float32)})[0]
    assert y.shape == (1, 4 + len(NAMES), N_ANCHORS_64)


def test_python_decode_on_an_image(smoke_model, smoke_dataset):
    out, _ = smoke_model
    det = OnnxDetector(out / "model.onnx")
    image = next((smoke_dataset / "images" / "val").iterdir())
    found, (w, h) = det.predict(image, conf=0.0, iou=0.7, max_det=50)
    assert (w, h) == (64, 64) and 0 < len(found) <= 50
    for c, s, (x1, y1, x2, y2) in found:
        assert c in NAMES and 0 <= s <= 1 and 0 <= x1 <= x2 <= w and 0 <= y1 <= y2 <= h


def test_model_card(smoke_model):
    out, _ = smoke_model
    card = json.loads((out / "model-card.json").read_text())
    assert card["name"] == "smoke" and card["version"] == "0.0.1"
    assert card["sha256"] == hashlib.sha256((out / "model.onnx").read_bytes()).hexdigest()
    assert card["classes"] == list(NAMES.values()) and card["input"]["shape"] == [1, 3, 64, 64]
    assert card["training"]["epochs"] == 1 and card["training"]["command"].startswith("cxr-train")
    assert set(card["evaluation"]) >= {"map50", "map40", "per_class"}
    assert "not for clinical use" in card["intended_use"]
    assert (out / "model-card.md").read_text().startswith("# smoke 0.0.1")


def test_evaluate_cli_writes_json(smoke_model, smoke_dataset, cli_env, tmp_path):
    out, _ = smoke_model
    proc = run_cli(["evaluate", str(out / "model.onnx"), str(smoke_dataset), "--output", str(tmp_path / "e.json"),
                    "--dump-detections", str(tmp_path / "d.json")], cli_env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads((tmp_path / "e.json").read_text())
    assert result == json.loads(proc.stdout)
    assert result["images"] == 2 and set(result["per_class"]) == set(NAMES.values())
    for v in (result["map50"], result["map40"]):
        assert v is None or 0 <= v <= 1
    dump = json.loads((tmp_path / "d.json").read_text())
    assert {"detections", "ground_truth", "result"} <= set(dump)


def test_node_decode_check(smoke_model):
    node = shutil.which("node")
    if node is None or not (REPO / "node_modules" / "onnxruntime-node").is_dir():
        import pytest
        pytest.skip("node or ../node_modules/onnxruntime-node not available")
    out, _ = smoke_model
    proc = subprocess.run([node, str(TRAINING / "tests" / "node_decode_check.mjs"), str(out / "model.onnx")],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["ok"] and result["dims"] == [1, 6, N_ANCHORS_64]
    assert {int(k): v for k, v in result["names"].items()} == NAMES
