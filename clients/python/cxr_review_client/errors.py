"""The app's one error shape: {"error": {"code", "message", "details"}} on every 4xx/5xx."""

from __future__ import annotations

from typing import Any

import httpx


class ApiError(Exception):
    """A non-2xx answer: the HTTP status, the app's error code and its message (details as the app sent them)."""

    def __init__(self, status: int, code: str, message: str, details: Any = None):
        super().__init__(f"HTTP {status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.details = details

    @classmethod
    def from_response(cls, res: httpx.Response) -> "ApiError":
        try:
            body = res.json()
        except ValueError:
            body = None
        err = body.get("error") if isinstance(body, dict) else None
        if not isinstance(err, dict):  # not the app's shape (a proxy's page, an older server): keep the text
            err = {"message": err if isinstance(err, str) else res.text[:500]}
        return cls(res.status_code, err.get("code", "http_error"), err.get("message", res.text[:500]), err.get("details"))
