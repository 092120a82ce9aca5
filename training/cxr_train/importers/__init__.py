"""Importers: public box datasets in their native formats -> list[Record] (normalised boxes, app class names).

Each importer returns an ImportResult; `cxr_train.dataset.write_yolo_dataset` turns it into a dataset folder.
"""
