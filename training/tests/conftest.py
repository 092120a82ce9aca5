"""Shared fixtures: paths, the optional shared data, generated image datasets, one smoke-trained ONNX."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

TRAINING = Path(__file__).resolve().parents[1]
REPO = TRAINING.parent
# ../shared/data beside the repo on the project's machines; CXR_SHARED_DATA overrides (e.g. to test the skip)
SHARED_DATA = Path(os.environ.get("CXR_SHARED_DATA", REPO.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA} (only present on the project's machines)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def cli_env(tmp_path_factory) -> dict:
    """Environment for CLI subprocesses: offline, Ultralytics settings in a temp dir."""
    env = dict(os.environ)
    env.update({"YOLO_OFFLINE": "1", "YOLO_CONFIG_DIR": str(tmp_path_factory.mktemp("yolo-config"))})
    return env


def run_cli(args: list[str], env: dict, cwd: Path | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cxr_train", *args], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=timeout)


def json_lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]


def draw_image(path: Path, size: int, boxes: list[tuple[float, float, float, float]], seed: int) -> None:
    """Grey noise with bright ellipses at the (normalised x1,y1,x2,y2) boxes: a stand-in for a radiograph."""
    rng = np.random.default_rng(seed)
    arr = (rng.normal(90, 20, (size, size)).clip(0, 255)).astype(np.uint8)
    img = Image.fromarray(arr).convert("RGB")
    d = ImageDraw.Draw(img)
    for x1, y1, x2, y2 in boxes:
        d.ellipse([x1 * size, y1 * size, x2 * size, y2 * size], fill=(220, 220, 220))
    img.save(path)


def make_dataset(root: Path, names: list[str], n_train: int = 6, n_val: int = 2, size: int = 64) -> Path:
    """A dataset folder in the app's export format with generated images and boxes."""
    rng = np.random.default_rng(0)
    for part, n in (("train", n_train), ("val", n_val)):
        (root / "images" / part).mkdir(parents=True, exist_ok=True)
        (root / "labels" / part).mkdir(parents=True, exist_ok=True)
        for i in range(n):
            boxes, lines = [], []
            for _ in range(int(rng.integers(1, 3))):
                w, h = rng.uniform(0.15, 0.35, 2)
                x1, y1 = rng.uniform(0.05, 0.9 - w), rng.uniform(0.05, 0.9 - h)
                c = int(rng.integers(0, len(names)))
                boxes.append((x1, y1, x1 + w, y1 + h))
                lines.append(f"{c} {x1 + w / 2:.6f} {y1 + h / 2:.6f} {w:.6f} {h:.6f}")
            stem = f"{part}{i:03d}"
            draw_image(root / "images" / part / f"{stem}.png", size, boxes, seed=i + (100 if part == "val" else 0))
            (root / "labels" / part / f"{stem}.txt").write_text("\n".join(lines) + "\n")
    names_yaml = "\n".join(f"  {i}: {n}" for i, n in enumerate(names))
    # `path` deliberately points elsewhere: exported folders get moved and train must not trust it
    (root / "data.yaml").write_text(f"path: /nonexistent/moved\ntrain: images/train\nval: images/val\n"
                                    f"names:\n{names_yaml}\n")
    return root


@pytest.fixture(scope="session")
def smoke_dataset(tmp_path_factory) -> Path:
    return make_dataset(tmp_path_factory.mktemp("smoke-data"), ["Nodule/Mass", "Pleural effusion"])


@pytest.fixture(scope="session")
def smoke_model(tmp_path_factory, smoke_dataset, cli_env):
    """Train 1 epoch at 64 px through the CLI (JSON progress) and return (out dir, completed process)."""
    out = tmp_path_factory.mktemp("smoke-model")
    proc = run_cli(["--progress-json", "train", str(smoke_dataset), "--out", str(out), "--epochs", "1",
                    "--imgsz", "64", "--batch", "4", "--workers", "0", "--name", "smoke", "--version", "0.0.1"],
                   cli_env)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return out, proc
