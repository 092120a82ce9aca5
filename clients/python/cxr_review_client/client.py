"""A thin, typed client over httpx: one method per operation that takes an API token (Bearer), for other systems."""

from __future__ import annotations

import json
import mimetypes
import os
from pathlib import Path
from typing import Any, Sequence, TypeVar

import httpx
from pydantic import BaseModel

from .errors import ApiError
from .types import BatchPredictResponse, Me, PredictResponse, RegisteredModel, StudyDetail, UploadResponse, WorklistPage

M = TypeVar("M", bound=BaseModel)
# A file to send: a path, or (filename, bytes) with the content type guessed from the name, or (filename, bytes, type).
FileLike = Path | str | tuple[str, bytes] | tuple[str, bytes, str]

_TYPES = {".dcm": "application/dicom", ".dicom": "application/dicom", ".onnx": "application/octet-stream"}


def _file(f: FileLike) -> tuple[str, bytes, str]:
    if isinstance(f, (str, Path)):
        p = Path(f)
        f = (p.name, p.read_bytes())
    if len(f) == 3:
        return f  # type: ignore[return-value]
    name, content = f  # type: ignore[misc]
    ctype = _TYPES.get(Path(name).suffix.lower()) or mimetypes.guess_type(name)[0] or "application/octet-stream"
    return name, content, ctype


class CxrReviewClient:
    """CxrReviewClient("https://cxr.example.org", token="cxr_…"); or CxrReviewClient.from_env() (CXR_APP_URL, CXR_API_TOKEN)."""

    def __init__(self, base_url: str, token: str | None = None, *, timeout: float = 300.0, transport: httpx.BaseTransport | None = None):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._http = httpx.Client(base_url=base_url.rstrip("/"), headers=headers, timeout=timeout, transport=transport)

    @classmethod
    def from_env(cls, **kw: Any) -> "CxrReviewClient":
        url = os.environ.get("CXR_APP_URL")
        if not url:
            raise ValueError("CXR_APP_URL is not set")
        return cls(url, os.environ.get("CXR_API_TOKEN"), **kw)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> "CxrReviewClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ operations

    def predict(self, image: FileLike, *, staging: bool = False) -> PredictResponse:
        """POST /api/v1/predict: boxes for one image (DICOM, PNG or JPEG); proposals for a reader, not a diagnosis."""
        params = {"stage": "staging"} if staging else None
        return self._send("POST", "/api/v1/predict", PredictResponse, files={"file": _file(image)}, params=params)

    def predict_batch(self, images: Sequence[FileLike]) -> BatchPredictResponse:
        """POST /api/v1/predict/batch: one result (or error) per image, in order."""
        return self._send("POST", "/api/v1/predict/batch", BatchPredictResponse, files=[("files", _file(f)) for f in images])

    def upload_studies(self, files: Sequence[FileLike]) -> UploadResponse:
        """POST /api/v1/studies: store images as studies (each file stored, a duplicate, or rejected with a reason)."""
        return self._send("POST", "/api/v1/studies", UploadResponse, files=[("files", _file(f)) for f in files], ok=(200, 201, 207))

    def list_studies(self, **query: Any) -> WorklistPage:
        """GET /api/v1/studies: the worklist (status, from, to, sort, dir, cursor, limit …)."""
        return self._send("GET", "/api/v1/studies", WorklistPage, params={k: v for k, v in query.items() if v is not None})

    def study(self, study_id: str) -> StudyDetail:
        """GET /api/v1/studies/{studyId}: a study with its instances (a read token; audited as viewed)."""
        return self._send("GET", f"/api/v1/studies/{study_id}", StudyDetail)

    def register_model(self, onnx: FileLike, card: dict[str, Any] | str) -> RegisteredModel:
        """POST /api/v1/models: register an ONNX with its model card (admin or a models:write token); evaluation is queued."""
        card_text = card if isinstance(card, str) else json.dumps(card)
        name, content, _ = _file(onnx)
        files = {"file": (name, content, "application/octet-stream"), "card": ("model-card.json", card_text.encode(), "application/json")}
        return self._send("POST", "/api/v1/models", RegisteredModel, files=files, ok=(201,))

    def me(self) -> Me:
        """GET /api/v1/me: who the token belongs to."""
        return self._send("GET", "/api/v1/me", Me)

    # ------------------------------------------------------------------ transport

    def _send(self, method: str, path: str, model: type[M], *, ok: Sequence[int] = (200,), **kw: Any) -> M:
        res = self._http.request(method, path, **kw)
        if res.status_code not in ok:
            raise ApiError.from_response(res)
        return model.model_validate(res.json())
