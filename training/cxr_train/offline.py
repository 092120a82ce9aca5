"""Keep Ultralytics off the network: call before importing ultralytics.

No weight downloads (models are built from yaml, amp=False skips the AMP check that fetches yolo11n.pt),
no font downloads (plots=False), no settings sync / hub / analytics. Settings go to YOLO_CONFIG_DIR, which
defaults to a folder in the system temp dir so that runs never write into the user's home config.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile


def prepare_ultralytics(quiet: bool = False) -> None:
    os.environ.setdefault("YOLO_OFFLINE", "1")
    os.environ.setdefault("YOLO_CONFIG_DIR", os.path.join(tempfile.gettempdir(), "cxr-train-ultralytics"))
    os.makedirs(os.environ["YOLO_CONFIG_DIR"], exist_ok=True)
    if quiet:
        os.environ["YOLO_VERBOSE"] = "False"  # also disables ultralytics' tqdm bars
    import ultralytics  # noqa: F401  (after the environment is set)
    from ultralytics.utils import LOGGER, SETTINGS

    off = ("sync", "hub", "clearml", "comet", "dvc", "mlflow", "neptune", "raytune", "tensorboard", "wandb")
    SETTINGS.update({k: False for k in off if k in SETTINGS})  # keys differ between 8.x releases
    # defaults point at the current working directory's parent: keep every stray write in the config dir
    base = os.environ["YOLO_CONFIG_DIR"]
    SETTINGS.update({k: os.path.join(base, k.removesuffix("_dir")) for k in ("datasets_dir", "weights_dir", "runs_dir")
                     if k in SETTINGS})
    if quiet:  # JSON mode: stdout carries only progress lines
        for h in LOGGER.handlers:
            if isinstance(h, logging.StreamHandler):
                h.setStream(sys.stderr)
