"""Importers on small generated fixtures (always run)."""

import json
from pathlib import Path

import pytest
from PIL import Image

from cxr_train.dataset import load_data_yaml, read_labels
from cxr_train.import_cmd import run_import
from cxr_train.importers.chestxdet10 import import_chestxdet10
from cxr_train.importers.coco import import_coco
from cxr_train.importers.nih import import_nih_bbox
from cxr_train.importers.vindr import import_vindr


def blank(folder: Path, name: str, size=(100, 200)) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    Image.new("L", size).save(folder / name)
    return folder / name


VINDR_CSV = """image_id,class_name,class_id,rad_id,x_min,y_min,x_max,y_max
img1,Nodule/Mass,8,R1,10,20,30,40
img1,Nodule/Mass,8,R2,12,22,32,42
img1,Nodule/Mass,8,R3,11,21,31,41
img1,Aortic enlargement,0,R1,50,50,60,60
img2,No finding,14,R1,,,,
img2,No finding,14,R2,,,,
img2,No finding,14,R3,,,,
img3,Cardiomegaly,3,R2,0,100,100,150
img3,No finding,14,R1,,,,
"""


def test_vindr_fuses_the_three_readers_and_keeps_negatives(tmp_path):
    (tmp_path / "train.csv").write_text(VINDR_CSV)
    for name in ("img1.png", "img2.png", "img3.png"):
        blank(tmp_path / "images", name, size=(100, 200))  # width 100, height 200
    r = import_vindr(tmp_path / "train.csv", tmp_path / "images")
    by_id = {rec.image_id: rec for rec in r.records}
    assert set(by_id) == {"img1", "img2", "img3"} and r.missing_images == 0
    nodules = [b for b in by_id["img1"].boxes if b.cls == "Nodule/Mass"]
    assert len(nodules) == 1  # three readers' overlapping boxes -> one fused box
    b = nodules[0]
    assert (b.x1, b.y1, b.x2, b.y2) == pytest.approx((0.11, 0.105, 0.31, 0.205), abs=1e-6)
    assert [x.cls for x in by_id["img1"].boxes].count("Aortic enlargement") == 1
    assert by_id["img2"].boxes == []  # "No finding": a negative image
    assert [x.cls for x in by_id["img3"].boxes] == ["Cardiomegaly"]
    assert r.source_classes["No finding"] == 4


def test_vindr_sizes_from_meta_csv_when_images_are_resized(tmp_path):
    (tmp_path / "train.csv").write_text(VINDR_CSV)
    (tmp_path / "meta.csv").write_text("image_id,dim0,dim1\nimg1,400,200\nimg2,400,200\nimg3,400,200\n")
    for name in ("img1.png", "img2.png", "img3.png"):
        blank(tmp_path / "images", name, size=(50, 100))  # a resized copy: boxes must use the meta size
    r = import_vindr(tmp_path / "train.csv", tmp_path / "images", meta=tmp_path / "meta.csv")
    b = [x for x in r.records[0].boxes if x.cls == "Nodule/Mass"][0]
    assert (b.x1, b.y1) == pytest.approx((0.055, 0.0525), abs=1e-6)


def test_chestxdet10_and_nih_and_coco_fixtures(tmp_path):
    imgs = tmp_path / "images"
    blank(imgs, "00000001_000.png"); blank(imgs, "00000001_001.png"); blank(imgs, "00000002_000.png")
    (tmp_path / "cx.json").write_text(json.dumps([
        {"file_name": "00000001_000.png", "syms": ["Effusion", "Nodule"], "boxes": [[0, 0, 512, 512], [10, 10, 20, 20]]},
        {"file_name": "00000002_000.png", "syms": [], "boxes": []},
        {"file_name": "00000099_000.png", "syms": ["Mass"], "boxes": [[1, 1, 2, 2]]}]))
    r = import_chestxdet10([tmp_path / "cx.json"], imgs)
    assert (len(r.records), r.missing_images, r.boxes) == (2, 1, 2)
    assert r.records[0].boxes[0].cls == "Pleural effusion" and r.records[0].boxes[0].x2 == 0.5
    assert r.records[0].patient_id == "00000001"

    (tmp_path / "bbox.csv").write_text("Image Index,Finding Label,Bbox [x,y,w,h],,,\n"
                                       "00000001_001.png,Infiltrate,102.4,204.8,102.4,51.2,,,\n"
                                       "00000001_001.png,Mass,0,0,10,10,,,\n")
    r = import_nih_bbox(tmp_path / "bbox.csv", imgs)
    assert [b.cls for b in r.records[0].boxes] == ["Infiltration", "Nodule/Mass"]
    assert (r.records[0].boxes[0].x1, r.records[0].boxes[0].y2) == pytest.approx((0.1, 0.25))

    (tmp_path / "coco.json").write_text(json.dumps({
        "images": [{"id": 7, "file_name": "00000002_000.png", "width": 200, "height": 100}],
        "categories": [{"id": 1, "name": "Nodule"}, {"id": 2, "name": "Fracture"}],
        "annotations": [{"id": 1, "image_id": 7, "category_id": 1, "bbox": [20, 10, 40, 20], "iscrowd": 0},
                        {"id": 2, "image_id": 7, "category_id": 2, "bbox": [0, 0, 10, 10], "iscrowd": 0}]}))
    r = import_coco(tmp_path / "coco.json", imgs)
    assert [b.cls for b in r.records[0].boxes] == ["Nodule/Mass", "Fracture"]  # unknown kept by name
    assert (r.records[0].boxes[0].x1, r.records[0].boxes[0].y1, r.records[0].boxes[0].x2) == pytest.approx((0.1, 0.1, 0.3))


def test_import_writes_the_dataset_format_with_a_patient_level_split(tmp_path):
    imgs = tmp_path / "images"
    items = []
    for p in range(10):
        for k in range(p % 3 + 1):  # 1..3 images per patient
            name = f"{p:08d}_{k:03d}.png"
            blank(imgs, name, size=(64, 64))
            items.append({"file_name": name, "syms": ["Nodule", "Fracture"], "boxes": [[100, 100, 300, 300], [0, 0, 5, 5]]})
    (tmp_path / "cx.json").write_text(json.dumps(items))
    out = tmp_path / "ds"
    m = run_import("chestxdet10", [tmp_path / "cx.json"], imgs, out, val_fraction=0.25, classes=["Nodule/Mass"])
    data = load_data_yaml(out)
    assert data["names"] == {0: "Nodule/Mass"} and data["train"] == "images/train"
    assert m["images"]["train"] + m["images"]["val"] == len(items) and m["images"]["val"] >= 0.25 * len(items)
    assert m["dropped_boxes"] == len(items)  # Fracture is not in --classes
    split = {}
    for it in m["items"]:
        split.setdefault(it["patient"], set()).add(it["split"])
    assert all(len(s) == 1 for s in split.values())  # no patient on both sides
    label = next((out / "labels" / "train").iterdir())
    assert read_labels(label) == [pytest.approx((0, 0.1953125, 0.1953125, 0.1953125, 0.1953125), abs=1e-6)]
    assert len(list((out / "images" / "val").iterdir())) == m["images"]["val"]


def test_import_cli_with_progress_json(tmp_path, cli_env):
    from conftest import json_lines, run_cli

    imgs = tmp_path / "images"
    blank(imgs, "00000005_000.png", size=(64, 64)); blank(imgs, "00000006_000.png", size=(64, 64))
    (tmp_path / "coco.json").write_text(json.dumps({
        "images": [{"id": 1, "file_name": "00000005_000.png", "width": 64, "height": 64},
                   {"id": 2, "file_name": "00000006_000.png", "width": 64, "height": 64}],
        "categories": [{"id": 1, "name": "Mass"}],
        "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [8, 8, 16, 16]}]}))
    proc = run_cli(["import", "coco", str(tmp_path / "coco.json"), "--images", str(imgs), "--out",
                    str(tmp_path / "ds"), "--val-fraction", "0.5", "--progress-json"], cli_env)
    assert proc.returncode == 0, proc.stderr
    events = json_lines(proc.stdout)
    assert len(events) == len(proc.stdout.splitlines()) and events[-1]["stage"] == "import"
    assert events[-1]["images"] == {"train": 1, "val": 1} and events[-1]["names"] == ["Nodule/Mass"]
