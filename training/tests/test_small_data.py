"""The small-data rule (same as lib/training/small-data.ts) on hand-worked cases."""

from cxr_train.small_data import small_data_settings


def test_a_twelve_image_export_steps_every_batch_without_warm_up_or_mosaic():
    # 9 train images at batch 4: 3 batches an epoch, accumulation would need 16 → nbs = batch
    assert small_data_settings(9, 4, 3) == {"nbs": 4, "warmup_epochs": 0.0, "mosaic": 0.0}
    # batch larger than the set: nbs is the requested batch (weight decay scale stays 1)
    assert small_data_settings(9, 16, 50)["nbs"] == 16


def test_a_large_set_keeps_ultralytics_defaults():
    assert small_data_settings(5000, 16, 100) == {"nbs": 64, "warmup_epochs": 3.0, "mosaic": 1.0}


def test_boundaries():
    # 64 images at batch 16: 4 batches an epoch = round(64/16): accumulation fits an epoch
    assert small_data_settings(64, 16, 50)["nbs"] == 64
    assert small_data_settings(63, 16, 50)["nbs"] == 64  # still 4 batches (the last one short)
    assert small_data_settings(48, 16, 50)["nbs"] == 16
    # warm-up: max(3 × 7, 100) = 100 iterations against 7 × 50 / 2 = 175 → kept; at 20 epochs (70) → off
    assert small_data_settings(100, 16, 50)["warmup_epochs"] == 3.0
    assert small_data_settings(100, 16, 20)["warmup_epochs"] == 0.0
    assert small_data_settings(99, 16, 50)["mosaic"] == 0.0
    assert small_data_settings(100, 16, 50)["mosaic"] == 1.0
