"""`register`: hand a trained model to the app.

Upload: POST {url}/api/v1/models, multipart fields `file` (model.onnx) and `card` (model-card.json text),
`Authorization: Bearer <token>`. While the app has no such endpoint (HTTP 404) — or with --to-dir — the model is
written into the app's models directory as <models>/<name>-<version>/{model.onnx, model-card.json, model-card.md}.
"""

from __future__ import annotations

import json
import os
import shutil
import urllib.error
import urllib.request
import uuid
from pathlib import Path

from . import progress

REPO_MODELS = Path(__file__).resolve().parents[2] / "models"


def copy_to_dir(model_dir: Path, card: dict, models_dir: Path) -> Path:
    dest = Path(models_dir) / f"{card['name']}-{card['version']}"
    dest.mkdir(parents=True, exist_ok=True)
    for f in ("model.onnx", "model-card.json", "model-card.md"):
        if (model_dir / f).exists() and (model_dir / f).resolve() != (dest / f).resolve():
            shutil.copy2(model_dir / f, dest / f)
    progress.emit("register", f"wrote {dest}", target=str(dest), mode="dir")
    return dest


def multipart(fields: dict[str, tuple[str, bytes, str]]) -> tuple[bytes, str]:
    """fields: name -> (filename, content, content type)."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, (filename, content, ctype) in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f"Content-Type: {ctype}\r\n\r\n".encode() + content + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def upload(model_dir: Path, card_text: str, url: str, token: str | None, timeout: float = 300) -> dict:
    onnx = (model_dir / "model.onnx").read_bytes()
    body, ctype = multipart({"file": ("model.onnx", onnx, "application/octet-stream"),
                             "card": ("model-card.json", card_text.encode(), "application/json")})
    headers = {"Content-Type": ctype, **({"Authorization": f"Bearer {token}"} if token else {})}
    req = urllib.request.Request(url.rstrip("/") + "/api/v1/models", data=body, method="POST", headers=headers)
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        text = resp.read().decode() or "{}"
        return json.loads(text) if text.strip().startswith("{") else {"response": text}


def register(model_dir: Path, url: str | None = None, token: str | None = None, to_dir: Path | None = None,
             fallback_dir: Path | None = None) -> dict:
    model_dir = Path(model_dir)
    card_text = (model_dir / "model-card.json").read_text()
    card = json.loads(card_text)
    if not (model_dir / "model.onnx").exists():
        raise FileNotFoundError(f"{model_dir / 'model.onnx'} not found")
    url = url or os.environ.get("CXR_APP_URL")
    token = token or os.environ.get("CXR_API_TOKEN")
    if to_dir or not url:
        return {"mode": "dir", "path": str(copy_to_dir(model_dir, card, to_dir or fallback_dir or REPO_MODELS))}
    progress.emit("register", f"uploading {card['name']} {card['version']} to {url}")
    try:
        response = upload(model_dir, card_text, url, token)
    except urllib.error.HTTPError as e:
        if e.code in (404, 405):
            dest = fallback_dir or REPO_MODELS
            progress.emit("register", f"{url}/api/v1/models answered {e.code}: no upload endpoint yet, "
                          f"writing into {dest}", status=e.code)
            return {"mode": "dir", "path": str(copy_to_dir(model_dir, card, dest))}
        raise RuntimeError(f"upload failed: HTTP {e.code} {e.read()[:500].decode(errors='replace')}") from e
    progress.emit("register", f"registered {card['name']} {card['version']}", mode="upload", response=response)
    return {"mode": "upload", "response": response}
