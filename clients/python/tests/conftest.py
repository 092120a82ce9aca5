"""The client's tests run against a running app: CXR_APP_URL and an admin CXR_API_TOKEN (scopes predict, studies:write,
models:write, read), with CXR_TEST_PNG and CXR_TEST_DICOM naming a chest image of each kind. The repository's
test/clients/python-client.clients.test.ts starts the production server and sets all of them."""

import os
from pathlib import Path

import pytest

from cxr_review_client import CxrReviewClient

REPO = Path(__file__).resolve().parents[3]


def _env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        pytest.fail(f"{name} is not set: these tests run against a running app (see tests/conftest.py)", pytrace=False)
    return value


@pytest.fixture
def client():
    with CxrReviewClient(_env("CXR_APP_URL"), _env("CXR_API_TOKEN"), timeout=120) as c:
        yield c


@pytest.fixture
def anonymous():
    with CxrReviewClient(_env("CXR_APP_URL"), timeout=30) as c:
        yield c


@pytest.fixture
def png() -> Path:
    return Path(_env("CXR_TEST_PNG"))


@pytest.fixture
def dicom() -> Path:
    return Path(_env("CXR_TEST_DICOM"))


@pytest.fixture
def onnx() -> Path:
    return REPO / "lib" / "inference" / "testing" / "tiny-yolo-b1.onnx"
