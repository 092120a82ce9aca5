"""`optimize`: the smoke model -> static INT8 QDQ ONNX calibrated on the dataset, card with the float/INT8 comparison."""

import hashlib
import json
from collections import Counter

import cv2
import numpy as np
import onnx
import pytest

from conftest import json_lines, run_cli
from cxr_train.dataset import list_split
from cxr_train.onnx_model import OnnxDetector


@pytest.fixture(scope="module")
def int8_model(smoke_model, smoke_dataset, cli_env, tmp_path_factory):
    model_dir, _ = smoke_model
    out = tmp_path_factory.mktemp("int8")
    proc = run_cli(["--progress-json", "optimize", str(model_dir), str(smoke_dataset), "--out", str(out)], cli_env)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return model_dir, out, json_lines(proc.stdout)


def test_a_qdq_graph_with_the_head_decode_left_float(int8_model):
    _, out, _ = int8_model
    m = onnx.load(str(out / "model.onnx"))
    ops = Counter(n.op_type for n in m.graph.node)
    assert ops["QuantizeLinear"] > 10 and ops["DequantizeLinear"] > ops["QuantizeLinear"]  # + the weights' own
    producer = {o: n for n in m.graph.node for o in n.output}[m.graph.output[0].name]
    assert producer.op_type == "Concat"  # boxes and scores joined in float, not through one uint8 scale
    weights = {i.name: i for i in m.graph.initializer}
    assert any(onnx.helper.tensor_dtype_to_np_dtype(w.data_type) == np.int8 for w in weights.values())


def test_metadata_kept_and_outputs_close_to_float(int8_model, smoke_dataset):
    model_dir, out, _ = int8_model
    f, q = OnnxDetector(model_dir / "model.onnx"), OnnxDetector(out / "model.onnx")
    assert q.names == f.names and q.imgsz == f.imgsz and q.metadata["task"] == "detect"
    img, _ = list_split(smoke_dataset, "val")[0]
    x = f.letterbox(cv2.imread(str(img), cv2.IMREAD_COLOR))[0]
    a, b = f.raw(x)[0], q.raw(x)[0]
    assert a.shape == b.shape
    # boxes within a few input pixels, class scores within a few hundredths (a quantized head rounded them all to 0)
    assert np.abs(a[:4] - b[:4]).mean() < 2.0
    assert np.abs(a[4:] - b[4:]).mean() < 0.05 and b[4:].max() > 0


def test_card_holds_both_evaluations_and_the_base(int8_model):
    model_dir, out, events = int8_model
    base = json.loads((model_dir / "model-card.json").read_text())
    card = json.loads((out / "model-card.json").read_text())
    assert card["name"] == base["name"] and card["version"] == base["version"] + "-int8"
    assert card["sha256"] == hashlib.sha256((out / "model.onnx").read_bytes()).hexdigest()
    opt = card["optimization"]
    assert opt["base"] == {"name": base["name"], "version": base["version"],
                           "sha256": hashlib.sha256((model_dir / "model.onnx").read_bytes()).hexdigest()}
    assert opt["calibration"] == {"images": 6, "split": "train"}
    cmp_ = opt["comparison"]
    for k in ("float", "int8"):
        assert cmp_[k]["map50"] is not None and cmp_[k]["latency_p50_ms"] > 0
    assert cmp_["map50_delta"] == pytest.approx(cmp_["int8"]["map50"] - cmp_["float"]["map50"], abs=1e-4)
    assert card["evaluation"]["map50"] == cmp_["int8"]["map50"]
    assert "## Optimization" in (out / "model-card.md").read_text()
    stages = [e["stage"] for e in events]
    assert stages[0] == "start" and stages[-1] == "done" and "calibrate" in stages
    assert events[-1]["comparison"] == cmp_
