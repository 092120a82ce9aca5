"""predict, upload and register a model through the client, against the running app."""

import uuid

import pytest

from cxr_review_client import ApiError
from cxr_review_client.types import PredictResponse, RegisteredModel, StudyDetail


def test_predict_returns_typed_boxes_normalised_and_in_pixels(client, png):
    r = client.predict(png)
    assert isinstance(r, PredictResponse)
    assert r.image.width > 0 and r.image.height > 0 and r.image.frames == 1
    assert r.model.name and r.model.version
    assert r.inference_time >= 0
    for p in r.predictions:
        assert 0 <= p.confidence <= 1
        assert all(0 <= v <= 1 for v in p.bbox)
        assert p.bbox_px[2] <= r.image.width and p.bbox_px[3] <= r.image.height
        assert p.class_  # "class" on the wire


def test_predict_refuses_a_file_that_is_not_an_image_with_the_apps_error(client):
    with pytest.raises(ApiError) as e:
        client.predict(("notes.txt", b"not an image at all", "text/plain"))
    assert e.value.status in (400, 415, 422) and e.value.code and e.value.message


def test_predict_without_a_token_is_401(anonymous, png):
    with pytest.raises(ApiError) as e:
        anonymous.predict(png)
    assert e.value.status == 401


def test_upload_stores_a_dicom_study_then_a_duplicate_and_reads_it_back(client, dicom):
    first = client.upload_studies([dicom]).model_dump()["results"]
    assert [r["status"] for r in first] == ["stored"]
    again = client.upload_studies([dicom]).model_dump()["results"]
    assert [r["status"] for r in again] == ["duplicate"]
    study_id = first[0]["studyId"]
    detail = client.study(study_id)
    assert isinstance(detail, StudyDetail)
    body = detail.model_dump()
    assert body["study"]["id"] == study_id and [i["id"] for i in body["instances"]] == [first[0]["instanceId"]]


def test_register_model_uploads_the_onnx_with_its_card_and_refuses_it_twice(client, onnx):
    card = {"name": "py-client", "version": uuid.uuid4().hex[:8], "data": "synthetic (client test)"}
    r = client.register_model(onnx, card)
    assert isinstance(r, RegisteredModel)
    body = r.model_dump()
    assert body["model"]["name"] == "py-client" and body["model"]["version"] == card["version"] and body["model"]["stage"] == "registered"
    assert body["evaluationId"]
    with pytest.raises(ApiError) as e:
        client.register_model(onnx, {**card, "version": card["version"] + "-again"})
    assert e.value.status == 409 and e.value.code == "conflict"
