"""Importers on the public annotation files in ../shared/data (skipped when absent)."""

from collections import Counter

from cxr_train.dataset import load_data_yaml
from cxr_train.import_cmd import run_import
from cxr_train.importers.chestxdet10 import import_chestxdet10
from cxr_train.importers.coco import import_coco
from cxr_train.importers.nih import import_nih_bbox


def test_chestxdet10_train_and_test_files(shared_data):
    pa = shared_data / "public-annotations"
    r = import_chestxdet10([pa / "chestxdet10_train_nihnames.json", pa / "chestxdet10_test_nihnames.json"],
                           pa / "chestxdet10-thumbs-64px")
    assert r.annotated_images == 3001 + 542
    assert sum(r.source_classes.values()) == 6863 + 1476
    assert set(r.source_classes) >= {"Effusion", "Nodule", "Mass", "Consolidation", "Fracture"}
    assert len(r.records) == 102  # 102 of the 110 thumbnails are ChestX-Det10 images (8 are NIH BBox-only)
    classes = Counter(b.cls for rec in r.records for b in rec.boxes)
    assert "Pleural effusion" in classes and "Effusion" not in classes and "Mass" not in classes


def test_chestxdet10_import_of_the_256px_images(shared_data, tmp_path):
    pa = shared_data / "public-annotations"
    m = run_import("chestxdet10", [pa / "chestxdet10_train_nihnames.json"], pa / "chestxdet10-images-256px",
                   tmp_path / "ds", val_fraction=0.25)
    assert m["images"]["train"] + m["images"]["val"] == 4
    assert sum(m["boxes"].values()) > 0 and m["patients"]["val"] >= 1
    assert set(load_data_yaml(tmp_path / "ds")["names"].values()) == set(m["boxes"])


def test_nih_bbox_list(shared_data):
    pa = shared_data / "public-annotations"
    r = import_nih_bbox(pa / "nih_BBox_List_2017.csv", pa / "chestxdet10-thumbs-64px")
    assert r.annotated_images == 880 and sum(r.source_classes.values()) == 984
    assert len(r.records) == 9 and r.missing_images == 871  # only 9 of its images are among the thumbnails
    assert set(r.source_classes) == {"Atelectasis", "Cardiomegaly", "Effusion", "Infiltrate", "Mass", "Nodule",
                                     "Pneumonia", "Pneumothorax"}


def test_cxr_mass_nodule_coco_and_patient_split(shared_data, tmp_path):
    d = shared_data / "cxr-mass-nodule"
    r = import_coco(d / "coco.json", d / "images")
    assert len(r.records) == 40 and r.boxes == 212
    assert {b.cls for rec in r.records for b in rec.boxes} == {"Nodule/Mass"}
    m = run_import("coco", [d / "coco.json"], d / "images", tmp_path / "ds", classes=["Nodule/Mass"], link=True)
    assert m["images"] == {"train": 32, "val": 8} and m["boxes"] == {"Nodule/Mass": 212}
    patients = {}
    for it in m["items"]:
        patients.setdefault(it["patient"], set()).add(it["split"])
    assert all(len(s) == 1 for s in patients.values())
