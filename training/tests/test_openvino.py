"""OpenVINO: `evaluate --engine openvino` and `serve-openvino` (KServe v2 REST) on the smoke model."""

import json
import struct
import subprocess
import sys
import urllib.request

import cv2
import numpy as np
import pytest

from conftest import TRAINING, json_lines, run_cli
from cxr_train.dataset import list_split
from cxr_train.onnx_model import OnnxDetector


def test_evaluate_on_openvino_f32_matches_onnxruntime(smoke_model, smoke_dataset, cli_env):
    model_dir, _ = smoke_model
    results = {}
    for engine in (["--engine", "onnxruntime"], ["--engine", "openvino", "--precision", "f32"]):
        p = run_cli(["--progress-json", "evaluate", str(model_dir / "model.onnx"), str(smoke_dataset), *engine], cli_env)
        assert p.returncode == 0, p.stderr[-3000:]
        r = [e for e in json_lines(p.stdout) if e["stage"] == "result"][0]["result"]
        results[r["engine"]["name"]] = r
    assert results["openvino"]["engine"] == {"name": "openvino", "precision": "f32"}
    assert results["openvino"]["map50"] == pytest.approx(results["onnxruntime"]["map50"], abs=1e-6)


@pytest.fixture(scope="module")
def server(smoke_model, cli_env):
    model_dir, _ = smoke_model
    proc = subprocess.Popen([sys.executable, "-m", "cxr_train", "serve-openvino", f"smoke={model_dir / 'model.onnx'}",
                             "--port", "0", "--precision", "f32"], cwd=TRAINING, env=cli_env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    ready = json.loads(proc.stdout.readline())
    yield ready
    proc.terminate()
    proc.wait(10)


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.loads(r.read())


def _infer(url: str, body: bytes, headers: dict) -> tuple[bytes, dict]:
    req = urllib.request.Request(url, data=body, method="POST", headers=headers)
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.read(), dict(r.headers)


def test_serve_openvino_speaks_kserve_v2(server, smoke_model, smoke_dataset):
    assert server["stage"] == "serve" and server["models"] == {"smoke": "f32"}
    base = server["url"]
    assert _get(f"{base}/v2/health/ready")["ready"] is True
    meta = _get(f"{base}/v2/models/smoke")
    assert meta["parameters"]["engine"] == "openvino" and meta["parameters"]["precision"] == "f32"
    # the export has dynamic axes (batch, and with them height and width): -1 where the model leaves a dimension open
    assert meta["inputs"][0]["shape"][1] == 3 and len(meta["inputs"][0]["shape"]) == 4 and meta["outputs"][0]["datatype"] == "FP32"
    det = OnnxDetector(smoke_model[0] / "model.onnx")
    x = det.letterbox(cv2.imread(str(list_split(smoke_dataset, "val")[0][0]), cv2.IMREAD_COLOR))[0]
    want = det.raw(x)
    name, out = meta["inputs"][0]["name"], meta["outputs"][0]["name"]
    # JSON tensors
    body = json.dumps({"inputs": [{"name": name, "datatype": "FP32", "shape": list(x.shape), "data": x.ravel().tolist()}]})
    raw, _ = _infer(f"{base}/v2/models/smoke/infer", body.encode(), {"Content-Type": "application/json"})
    got = json.loads(raw)["outputs"][0]
    assert got["shape"] == list(want.shape)
    assert np.allclose(np.array(got["data"], dtype=np.float32).reshape(want.shape), want, atol=1e-3)
    # Triton's binary tensor extension
    head = json.dumps({"inputs": [{"name": name, "datatype": "FP32", "shape": list(x.shape),
                                   "parameters": {"binary_data_size": x.nbytes}}],
                       "outputs": [{"name": out, "parameters": {"binary_data": True}}]}).encode()
    raw, headers = _infer(f"{base}/v2/models/smoke/infer", head + x.astype("<f4").tobytes(),
                          {"Content-Type": "application/octet-stream", "Inference-Header-Content-Length": str(len(head))})
    n = int(headers["Inference-Header-Content-Length"])
    size = json.loads(raw[:n])["outputs"][0]["parameters"]["binary_data_size"]
    values = np.array(struct.unpack(f"<{size // 4}f", raw[n:n + size]), dtype=np.float32).reshape(want.shape)
    assert np.allclose(values, want, atol=1e-3)
    # unknown model -> 404, bad datatype -> 400
    with pytest.raises(urllib.error.HTTPError) as e:
        _get(f"{base}/v2/models/nope")
    assert e.value.code == 404
    bad = json.dumps({"inputs": [{"name": name, "datatype": "INT64", "shape": [1], "data": [1]}]}).encode()
    with pytest.raises(urllib.error.HTTPError) as e:
        _infer(f"{base}/v2/models/smoke/infer", bad, {"Content-Type": "application/json"})
    assert e.value.code == 400
