// Small-data training settings from the dataset size — the same rule as the worker's cxr_train/small_data.py
// (see there for why): Ultralytics' defaults assume thousands of images, and on a few dozen a short run never steps.
// - nbs: gradients accumulate over round(nbs / batch) batches; when an epoch holds fewer, nbs = batch.
// - warmupEpochs: warm-up lasts max(3 × batches per epoch, 100) iterations; off when that is over half the run.
// - mosaic: off below 100 training images.
export const NOMINAL_BATCH = 64;
const WARMUP_EPOCHS = 3;
const WARMUP_MIN_ITERATIONS = 100;
export const MOSAIC_MIN_IMAGES = 100;

export type SmallDataSettings = { nbs: number; warmupEpochs: number; mosaic: number };

export function smallDataSettings(trainImages: number, batch: number, epochs: number): SmallDataSettings {
  const n = Math.max(Math.trunc(trainImages), 1);
  const b = Math.max(Math.trunc(batch), 1);
  const batchesPerEpoch = Math.ceil(n / Math.min(b, n));
  const accumulate = Math.max(Math.round(NOMINAL_BATCH / b), 1);
  const warmupIterations = Math.max(WARMUP_EPOCHS * batchesPerEpoch, WARMUP_MIN_ITERATIONS);
  return {
    nbs: batchesPerEpoch >= accumulate ? NOMINAL_BATCH : b,
    warmupEpochs: warmupIterations <= (batchesPerEpoch * epochs) / 2 ? WARMUP_EPOCHS : 0,
    mosaic: n >= MOSAIC_MIN_IMAGES ? 1 : 0,
  };
}

// The settings a run uses: the ones given, the rest from the export's training image count.
export function resolveSmallData(given: Partial<SmallDataSettings>, trainImages: number, batch: number, epochs: number): SmallDataSettings {
  const auto = smallDataSettings(trainImages, batch, epochs);
  return { nbs: given.nbs ?? auto.nbs, warmupEpochs: given.warmupEpochs ?? auto.warmupEpochs, mosaic: given.mosaic ?? auto.mosaic };
}

// Training images of an export (the summary's train split; all images when it has no summary).
export function trainImagesOf(e: { imageCount: number; summary?: { splits?: { train?: { images: number } } } | null }): number {
  return e.summary?.splits?.train?.images ?? e.imageCount;
}
