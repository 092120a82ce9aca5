"""register: upload (multipart + Bearer) to a local stand-in server, 404 fallback, --to-dir."""

import email
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from cxr_train.register import register


@pytest.fixture
def model_dir(tmp_path):
    d = tmp_path / "out"
    d.mkdir()
    (d / "model.onnx").write_bytes(b"\x08\x07fake-onnx\x00\xff")
    (d / "model-card.json").write_text(json.dumps({"name": "demo", "version": "1.2.3", "classes": ["Nodule/Mass"]}))
    (d / "model-card.md").write_text("# demo 1.2.3\n")
    return d


def serve(status: int):
    received = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.update(path=self.path, auth=self.headers.get("Authorization"),
                            ctype=self.headers["Content-Type"], body=body)
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"id": "mv_1"}' if status == 201 else b'{"error": "not found"}')

        def log_message(self, *a):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, received


def parts(received) -> dict:
    msg = email.message_from_bytes(b"Content-Type: " + received["ctype"].encode() + b"\r\n\r\n" + received["body"])
    return {p.get_param("name", header="content-disposition"): p.get_payload(decode=True) for p in msg.get_payload()}


def test_upload_sends_file_and_card_with_bearer_token(model_dir):
    server, received = serve(201)
    try:
        r = register(model_dir, url=f"http://127.0.0.1:{server.server_port}", token="tok123")
    finally:
        server.shutdown()
    assert r == {"mode": "upload", "response": {"id": "mv_1"}}
    assert received["path"] == "/api/v1/models" and received["auth"] == "Bearer tok123"
    fields = parts(received)
    assert fields["file"] == (model_dir / "model.onnx").read_bytes()
    assert json.loads(fields["card"])["version"] == "1.2.3"


def test_missing_endpoint_falls_back_to_the_models_directory(model_dir, tmp_path):
    server, _ = serve(404)
    try:
        r = register(model_dir, url=f"http://127.0.0.1:{server.server_port}", token="t", fallback_dir=tmp_path / "m")
    finally:
        server.shutdown()
    assert r["mode"] == "dir" and (tmp_path / "m" / "demo-1.2.3" / "model.onnx").exists()


def test_to_dir_writes_name_version_folder(model_dir, tmp_path):
    r = register(model_dir, to_dir=tmp_path / "models")
    dest = tmp_path / "models" / "demo-1.2.3"
    assert r["path"] == str(dest)
    assert sorted(p.name for p in dest.iterdir()) == ["model-card.json", "model-card.md", "model.onnx"]


def test_other_http_errors_fail(model_dir):
    server, _ = serve(401)
    try:
        with pytest.raises(RuntimeError, match="HTTP 401"):
            register(model_dir, url=f"http://127.0.0.1:{server.server_port}", token="bad")
    finally:
        server.shutdown()
