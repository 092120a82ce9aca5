import type { DicomMetadata } from "@/lib/dicom/read-metadata";

export type InputFeatures = {
  manufacturer: string | null;
  viewPosition: string | null;
  photometric: string;
  modality: string | null;
  pixelSpacingMm: number | null;
  rows: number;
  columns: number;
  meanIntensity: number;
  stdIntensity: number;
  p05: number;
  p50: number;
  p95: number;
};

// Input features stored with every prediction for drift monitoring; intensities are of the windowed 8-bit image the model saw.
export function imageFeatures(meta: DicomMetadata, grey8: Uint8Array): InputFeatures {
  const hist = new Uint32Array(256);
  let sum = 0;
  let sumSq = 0;
  for (const v of grey8) {
    hist[v]!++;
    sum += v;
    sumSq += v * v;
  }
  const n = Math.max(1, grey8.length);
  const mean = sum / n;
  const pct = (p: number) => {
    const target = p * n;
    let acc = 0;
    for (let i = 0; i < 256; i++) if ((acc += hist[i]!) >= target) return i;
    return 255;
  };
  const spacing = meta.pixelSpacing ?? meta.imagerPixelSpacing;
  return {
    manufacturer: meta.manufacturer ?? null,
    viewPosition: meta.viewPosition ?? null,
    photometric: meta.photometricInterpretation,
    modality: meta.modality ?? null,
    pixelSpacingMm: spacing ? spacing[0] : null,
    rows: meta.rows,
    columns: meta.columns,
    meanIntensity: Math.round(mean * 100) / 100,
    stdIntensity: Math.round(Math.sqrt(Math.max(0, sumSq / n - mean * mean)) * 100) / 100,
    p05: pct(0.05),
    p50: pct(0.5),
    p95: pct(0.95),
  };
}
