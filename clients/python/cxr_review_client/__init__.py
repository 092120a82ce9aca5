"""Python client for the CXR Review API (httpx + pydantic models generated from the app's OpenAPI document)."""

from .client import CxrReviewClient
from .errors import ApiError

__all__ = ["ApiError", "CxrReviewClient"]
