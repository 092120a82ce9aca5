"""scripts/dynamic_batch.py on the app's fixed-batch tiny YOLO: batch 2 afterwards, each image's output unchanged."""

import importlib.util
from pathlib import Path

import numpy as np
import onnxruntime as ort

REPO = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("dynamic_batch", REPO / "training" / "scripts" / "dynamic_batch.py")
dynamic_batch = importlib.util.module_from_spec(spec)
spec.loader.exec_module(dynamic_batch)


def test_fixed_batch_model_gets_a_batch_axis_with_the_same_outputs(tmp_path):
    src = REPO / "lib" / "inference" / "testing" / "tiny-yolo-b1.onnx"
    out = tmp_path / "dyn.onnx"
    assert dynamic_batch.main(str(src), str(out)) == 0
    before = ort.InferenceSession(str(src), providers=["CPUExecutionProvider"])
    after = ort.InferenceSession(str(out), providers=["CPUExecutionProvider"])
    assert after.get_inputs()[0].shape[0] == "batch"
    name = before.get_inputs()[0].name
    _, c, h, w = before.get_inputs()[0].shape
    x = np.random.default_rng(3).random((3, c, h, w), dtype=np.float32)
    both = after.run(None, {name: x})[0]
    assert both.shape[0] == 3
    for i in range(3):
        np.testing.assert_allclose(both[i:i + 1], before.run(None, {name: x[i:i + 1]})[0], atol=1e-5)
    assert before.get_modelmeta().custom_metadata_map == after.get_modelmeta().custom_metadata_map
