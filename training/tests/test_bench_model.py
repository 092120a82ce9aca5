"""make-bench-model, shrunk (yolo11n at 64 px) so the test is quick; the real one is yolo11l at 1024 px."""

import ast

import numpy as np
import onnxruntime as ort

from conftest import run_cli
from cxr_train.vocab import VOCAB


def test_bench_model_has_the_14_classes_and_decodable_output(tmp_path, cli_env):
    out = tmp_path / "bench.onnx"
    proc = run_cli(["--progress-json", "make-bench-model", "--size", "n", "--imgsz", "64", "--out", str(out)], cli_env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    sess = ort.InferenceSession(str(out), providers=["CPUExecutionProvider"])
    meta = sess.get_modelmeta().custom_metadata_map
    assert list(ast.literal_eval(meta["names"]).values()) == list(VOCAB)
    y = sess.run(None, {sess.get_inputs()[0].name: np.zeros((1, 3, 64, 64), np.float32)})[0]
    assert y.shape == (1, 4 + 14, 84)
    y2 = sess.run(None, {sess.get_inputs()[0].name: np.zeros((2, 3, 64, 64), np.float32)})[0]  # dynamic batch axis
    assert y2.shape == (2, 4 + 14, 84)
