import type { DicomMetadata } from "./read-metadata";
import type { DecodedImage, VoiLut } from "./types";

// Display pipeline shared by viewer, inference preprocessing and export (PS3.3 C.11):
// stored value → modality LUT (slope/intercept) → VOI (window or VOI LUT) → MONOCHROME1 inversion → 8-bit grey.
export type VoiFunction = "LINEAR" | "LINEAR_EXACT" | "SIGMOID";
export interface VoiWindow {
  center: number;
  width: number;
  fn?: VoiFunction;
}

export type VoiMetadata = Pick<
  DicomMetadata,
  "photometricInterpretation" | "rescaleSlope" | "rescaleIntercept" | "windowCenter" | "windowWidth"
> &
  Partial<Pick<DicomMetadata, "voiLutFunction" | "voiLut" | "pixelRepresentation">>;

type Pixels = Pick<DecodedImage, "pixels" | "samplesPerPixel" | "minValue" | "maxValue">;

export const modalityValue = (stored: number, meta: Pick<VoiMetadata, "rescaleSlope" | "rescaleIntercept">): number =>
  stored * meta.rescaleSlope + meta.rescaleIntercept;

/** First window centre/width of the file, if any (a width below 1 is invalid per C.11.2.1.2 and ignored). */
export function dicomWindow(meta: VoiMetadata): VoiWindow | undefined {
  const center = meta.windowCenter[0];
  const width = meta.windowWidth[0];
  if (center === undefined || width === undefined || !(width >= 1)) return undefined;
  const fn = meta.voiLutFunction;
  return { center, width, fn: fn === "LINEAR_EXACT" || fn === "SIGMOID" ? fn : "LINEAR" };
}

/** Window spanning the [low, high] percentiles of the stored values, in modality units (robust to outliers). */
export function percentileWindow(image: Pixels, meta: VoiMetadata, lowPct = 0.5, highPct = 99.5): VoiWindow {
  const { minValue, maxValue, pixels } = image;
  const hist = new Uint32Array(maxValue - minValue + 1);
  for (let i = 0; i < pixels.length; i++) hist[pixels[i]! - minValue]!++;
  const lowCount = (pixels.length * lowPct) / 100;
  const highCount = (pixels.length * highPct) / 100;
  let lo = minValue;
  let hi = maxValue;
  for (let v = 0, cum = 0; v < hist.length; v++) {
    const next = cum + hist[v]!;
    if (cum <= lowCount && next > lowCount) lo = v + minValue;
    if (cum < highCount && next >= highCount) {
      hi = v + minValue;
      break;
    }
    cum = next;
  }
  return rangeWindow(modalityValue(lo, meta), modalityValue(hi, meta));
}

/** LINEAR window that maps exactly lo → black and hi → white (C.11.2.1.2.1 with w = hi-lo+1). */
export function rangeWindow(a: number, b: number): VoiWindow {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return { center: (lo + hi + 1) / 2, width: Math.max(1, hi - lo + 1), fn: "LINEAR" };
}

/** PS3.3 C.11.2.1.2 / C.11.2.1.3: window output in [0, yMax]. */
export function applyWindow(x: number, { center: c, width: w, fn = "LINEAR" }: VoiWindow, yMax = 255): number {
  if (fn === "SIGMOID") return yMax / (1 + Math.exp((-4 * (x - c)) / w));
  if (fn === "LINEAR_EXACT") {
    if (x <= c - w / 2) return 0;
    if (x > c + w / 2) return yMax;
    return ((x - c) / w + 0.5) * yMax;
  }
  if (x <= c - 0.5 - (w - 1) / 2) return 0;
  if (x > c - 0.5 + (w - 1) / 2) return yMax;
  return ((x - (c - 0.5)) / (w - 1) + 0.5) * yMax;
}

/** VOI LUT Sequence lookup (C.11.2.1.1) as a function; values outside the LUT clamp to its first/last entry. */
export function voiLutMapper(lut: VoiLut, yMax = 255, signedFirst = false): (x: number) => number {
  const [, firstRaw, bits] = lut.descriptor;
  const first = signedFirst && firstRaw > 32767 ? firstRaw - 65536 : firstRaw;
  let dataMax = 0;
  for (const v of lut.data) if (v > dataMax) dataMax = v;
  // Some writers declare 16 bits per entry but store 12-bit data: scale by the declared depth unless exceeded.
  const top = Math.max(2 ** Math.min(bits, 16) - 1, dataMax) || 1;
  const last = lut.data.length - 1;
  return (x) => ((lut.data[Math.min(last, Math.max(0, Math.round(x) - first))] ?? 0) / top) * yMax;
}

/** What rendering will use: the caller's window, else the file's window, else its VOI LUT, else percentiles. */
export function resolveVoi(image: Pixels, meta: VoiMetadata, window?: VoiWindow): VoiWindow | VoiLut {
  return window ?? dicomWindow(meta) ?? meta.voiLut ?? percentileWindow(image, meta);
}

/** rows×columns 8-bit grey for display/inference/export; MONOCHROME1 is inverted so air is dark. RGB → luma. */
export function renderToGrey8(image: Pixels, meta: VoiMetadata, window?: VoiWindow): Uint8Array {
  const { pixels } = image;
  if (image.samplesPerPixel === 3) {
    const out = new Uint8Array(pixels.length / 3);
    for (let i = 0, j = 0; i < out.length; i++, j += 3)
      out[i] = Math.round(0.299 * pixels[j]! + 0.587 * pixels[j + 1]! + 0.114 * pixels[j + 2]!);
    return out;
  }
  const voi = resolveVoi(image, meta, window);
  const invert = meta.photometricInterpretation === "MONOCHROME1";
  const map = "descriptor" in voi ? voiLutMapper(voi, 255, meta.pixelRepresentation === 1) : (x: number) => applyWindow(x, voi);
  const lut = new Uint8Array(image.maxValue - image.minValue + 1);
  for (let i = 0; i < lut.length; i++) {
    const y = Math.round(map(modalityValue(i + image.minValue, meta)));
    lut[i] = invert ? 255 - y : y;
  }
  const out = new Uint8Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) out[i] = lut[pixels[i]! - image.minValue]!;
  return out;
}
