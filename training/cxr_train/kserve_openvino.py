"""A KServe v2 / Open Inference Protocol REST server that runs ONNX models on OpenVINO's CPU plugin.

What the app's `INFERENCE_BACKEND=kserve` client speaks: GET /v2/health/{live,ready}, GET /v2/models/{name}
(tensor metadata, plus `parameters.engine` and `parameters.precision` so the app can state how a version ran),
GET /v2/models/{name}/ready, POST /v2/models/{name}/infer with JSON tensors or Triton's binary tensor extension
(`Inference-Header-Content-Length`). The app letterboxes, decodes and applies NMS; this server only runs the graph.
One OpenVINO infer request per HTTP thread.
"""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np

from .openvino_engine import compile_model, precision_of, version

V2_TYPES = {"FP32": np.float32, "FP16": np.float16}
NP_TO_V2 = {np.dtype(np.float32): "FP32", np.dtype(np.float16): "FP16"}
PATH = re.compile(r"^/v2/models/([^/]+)(?:/versions/[^/]+)?(/infer|/ready)?$")


class Model:
    def __init__(self, name: str, path: Path, precision: str | None, threads: int, hint: str):
        self.name, self.path = name, Path(path)
        self.compiled = compile_model(self.path, precision, threads, hint)
        self.precision = precision_of(self.compiled)
        self.local = threading.local()

    @staticmethod
    def _describe(port) -> dict:
        shape = [d.get_length() if d.is_static else -1 for d in port.get_partial_shape()]
        return {"name": port.get_any_name(), "datatype": NP_TO_V2.get(np.dtype(port.get_element_type().to_dtype()),
                                                                      "FP32"), "shape": shape}

    def metadata(self) -> dict:
        return {"name": self.name, "versions": ["1"], "platform": "openvino",
                "inputs": [self._describe(p) for p in self.compiled.inputs],
                "outputs": [self._describe(p) for p in self.compiled.outputs],
                "parameters": {"engine": "openvino", "engine_version": version(), "device": "CPU",
                               "precision": self.precision}}

    def infer(self, feeds: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        req = getattr(self.local, "request", None)
        if req is None:
            req = self.local.request = self.compiled.create_infer_request()
        result = req.infer(feeds)
        return {port.get_any_name(): np.asarray(value) for port, value in result.items()}


def parse_request(body: bytes, header_length: int | None) -> tuple[dict, dict[str, np.ndarray]]:
    end = header_length if header_length is not None else len(body)
    request = json.loads(body[:end].decode("utf-8"))
    feeds, at = {}, end
    for t in request.get("inputs", []):
        dtype = V2_TYPES.get(t.get("datatype"))
        if dtype is None:
            raise ValueError(f"datatype {t.get('datatype')} not supported")
        size = (t.get("parameters") or {}).get("binary_data_size")
        if size:
            arr = np.frombuffer(body[at:at + size], dtype=dtype)
            at += size
        else:
            arr = np.asarray(t.get("data", []), dtype=dtype)
        feeds[t["name"]] = arr.reshape(t["shape"]).astype(np.float32, copy=False)
    return request, feeds


def encode_response(name: str, request: dict, outputs: dict[str, np.ndarray]) -> tuple[bytes, int | None]:
    wanted = request.get("outputs") or [{"name": n} for n in outputs]
    binary = any((o.get("parameters") or {}).get("binary_data") for o in wanted)
    tensors, blobs = [], []
    for o in wanted:
        arr = np.ascontiguousarray(outputs[o["name"]], dtype=np.float32)
        t = {"name": o["name"], "datatype": "FP32", "shape": list(arr.shape)}
        if binary:
            blob = arr.astype("<f4").tobytes()
            t["parameters"] = {"binary_data_size": len(blob)}
            blobs.append(blob)
        else:
            t["data"] = arr.ravel().tolist()
        tensors.append(t)
    header = json.dumps({"model_name": name, "model_version": "1", "outputs": tensors}).encode()
    return (header + b"".join(blobs), len(header)) if binary else (header, None)


def make_handler(models: dict[str, Model]):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # quiet: one line per request would swamp a benchmark
            pass

        def _send(self, status: int, body: bytes, ctype: str = "application/json", header_length: int | None = None):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            if header_length is not None:
                self.send_header("Inference-Header-Content-Length", str(header_length))
            self.end_headers()
            self.wfile.write(body)

        def _json(self, status: int, obj) -> None:
            self._send(status, json.dumps(obj).encode())

        def _route(self):
            m = PATH.match(self.path.split("?")[0])
            return (m, models.get(m.group(1))) if m else (None, None)

        def do_GET(self) -> None:
            if self.path in ("/v2/health/live", "/v2/health/ready"):
                return self._json(200, {"live": True} if self.path.endswith("live") else {"ready": True})
            if self.path == "/v2":
                return self._json(200, {"name": "cxr-train serve-openvino", "version": version(),
                                        "extensions": ["binary_tensor_data"]})
            m, model = self._route()
            if not model or m.group(2) == "/infer":
                return self._json(404, {"error": f"unknown model or path {self.path}"})
            return self._json(200, {"name": model.name, "ready": True} if m.group(2) else model.metadata())

        def do_POST(self) -> None:
            m, model = self._route()
            if not model or m.group(2) != "/infer":
                return self._json(404, {"error": f"unknown model or path {self.path}"})
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            hl = self.headers.get("Inference-Header-Content-Length")
            try:
                request, feeds = parse_request(body, int(hl) if hl is not None else None)
            except (ValueError, KeyError, json.JSONDecodeError) as e:
                return self._json(400, {"error": f"bad inference request: {e}"})
            try:
                out, header_length = encode_response(model.name, request, model.infer(feeds))
            except Exception as e:  # noqa: BLE001 — the client maps 5xx to "unavailable"
                return self._json(500, {"error": f"{type(e).__name__}: {e}"})
            ctype = "application/octet-stream" if header_length is not None else "application/json"
            return self._send(200, out, ctype, header_length)

    return Handler


def serve(paths: dict[str, Path], host: str = "127.0.0.1", port: int = 8000, precision: str | None = None,
          threads: int = 0, hint: str = "LATENCY") -> None:
    models = {name: Model(name, p, precision, threads, hint) for name, p in paths.items()}
    server = ThreadingHTTPServer((host, port), make_handler(models))
    server.daemon_threads = True
    desc = ", ".join(f"{m.name} ({m.precision})" for m in models.values())
    # one line on stdout when listening: tests and scripts wait for it
    print(json.dumps({"stage": "serve", "url": f"http://{host}:{server.server_address[1]}", "models": {
        m.name: m.precision for m in models.values()}, "message": f"OpenVINO {version()} serving {desc}"}), flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
