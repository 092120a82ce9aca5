"""`register`: hand a trained model to the app.

Upload: POST {url}/api/v1/models through the app's Python client (clients/python: multipart `file` + `card`,
`Authorization: Bearer <token>`). While the app has no such endpoint (HTTP 404) — or with --to-dir — the model is
written into the app's models directory as <models>/<name>-<version>/{model.onnx, model-card.json, model-card.md}.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from cxr_review_client import ApiError, CxrReviewClient

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


def upload(model_dir: Path, card_text: str, url: str, token: str | None, timeout: float = 300) -> dict:
    """POST {url}/api/v1/models through the app's Python client (clients/python); the app's answer as a dict."""
    with CxrReviewClient(url, token, timeout=timeout) as client:
        return client.register_model(model_dir / "model.onnx", card_text).model_dump(mode="json", by_alias=True)


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
    except ApiError as e:
        if e.status in (404, 405):
            dest = fallback_dir or REPO_MODELS
            progress.emit("register", f"{url}/api/v1/models answered {e.status}: no upload endpoint yet, "
                          f"writing into {dest}", status=e.status)
            return {"mode": "dir", "path": str(copy_to_dir(model_dir, card, dest))}
        raise RuntimeError(f"upload failed: HTTP {e.status} {e.code}: {e.message}") from e
    progress.emit("register", f"registered {card['name']} {card['version']}", mode="upload", response=response)
    return {"mode": "upload", "response": response}
