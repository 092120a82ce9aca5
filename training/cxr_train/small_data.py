"""Small-data training settings from the dataset size (the same rule as the app's lib/training/small-data.ts).

Ultralytics' defaults assume thousands of images. With a few dozen, three of them keep a run from learning:
- `nbs` (nominal batch, 64): gradients are accumulated over round(nbs / batch) batches before an optimizer step.
  When an epoch holds fewer batches than that, a short run makes (almost) no step: a 12-image export trained for
  3 epochs gave identical validation losses. Below that, nbs = batch: every batch steps.
- `warmup_epochs` (3): warm-up lasts max(warmup_epochs * batches per epoch, 100) iterations, so on a small set it
  stretches over many epochs at a near-zero learning rate. Off when it would take more than half of the run.
- `mosaic` (1.0): four-image mosaics of a handful of radiographs mostly teach the tiling. Off below 100 images.
"""

from __future__ import annotations

import math

NOMINAL_BATCH = 64  # Ultralytics' nbs default
WARMUP_EPOCHS = 3.0  # Ultralytics' default
WARMUP_MIN_ITERATIONS = 100  # Ultralytics' floor on warm-up iterations
MOSAIC_MIN_IMAGES = 100


def small_data_settings(train_images: int, batch: int, epochs: int) -> dict:
    """{"nbs", "warmup_epochs", "mosaic"} for a run on `train_images` images (Ultralytics' keys)."""
    n, batch = max(int(train_images), 1), max(int(batch), 1)
    batches_per_epoch = math.ceil(n / min(batch, n))  # a batch holds at most the whole set
    accumulate = max(round(NOMINAL_BATCH / batch), 1)
    nbs = NOMINAL_BATCH if batches_per_epoch >= accumulate else batch
    warmup_iterations = max(WARMUP_EPOCHS * batches_per_epoch, WARMUP_MIN_ITERATIONS)
    warmup = WARMUP_EPOCHS if warmup_iterations <= batches_per_epoch * epochs / 2 else 0.0
    mosaic = 1.0 if n >= MOSAIC_MIN_IMAGES else 0.0
    return {"nbs": nbs, "warmup_epochs": warmup, "mosaic": mosaic}
