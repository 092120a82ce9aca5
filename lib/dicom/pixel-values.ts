import type { RawSamples } from "./decode-native";
import type { DicomMetadata } from "./read-metadata";
import type { DecodedImage, GreyPixels } from "./types";

/**
 * Raw unsigned samples → final pixel values: high-bit alignment and bits-stored masking (native/RLE data may
 * carry overlay bits above), two's-complement sign extension for pixelRepresentation 1, RGB kept 8-bit.
 */
export function finishPixels(
  raw: RawSamples,
  meta: DicomMetadata,
  rows: number,
  columns: number,
  source: "native" | "codec",
): DecodedImage {
  const bitsStored = Math.min(meta.bitsStored, raw instanceof Uint8Array ? 8 : 16);
  if (meta.samplesPerPixel === 3) {
    const rgb = raw instanceof Uint8Array ? raw : toRgb8(raw, bitsStored);
    const image = ybrToRgbIfNeeded(rgb, meta.photometricInterpretation, source);
    return { rows, columns, pixels: image, samplesPerPixel: 3, bitsStored: 8, pixelRepresentation: 0, ...pixelRange(image) };
  }
  const signed = meta.pixelRepresentation === 1;
  const shift = source === "native" ? Math.max(0, meta.highBit + 1 - bitsStored) : 0;
  const mask = bitsStored >= 32 ? 0xffffffff : (1 << bitsStored) - 1;
  const needsMask = source === "native" ? bitsStored < meta.bitsAllocated || shift > 0 : signed;
  let pixels: GreyPixels;
  if (signed) {
    const signBit = 1 << (bitsStored - 1);
    pixels = new Int16Array(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const v = (raw[i]! >> shift) & mask;
      pixels[i] = v & signBit ? v - (mask + 1) : v;
    }
  } else {
    const eightBit = meta.bitsAllocated <= 8 && raw instanceof Uint8Array;
    pixels = eightBit ? raw : raw instanceof Uint16Array ? raw : Uint16Array.from(raw);
    if (needsMask) for (let i = 0; i < pixels.length; i++) pixels[i] = (pixels[i]! >> shift) & mask;
  }
  return { rows, columns, pixels, samplesPerPixel: 1, bitsStored, pixelRepresentation: signed ? 1 : 0, ...pixelRange(pixels) };
}

/** Smallest and largest sample (0, 0 for no samples). */
export function pixelRange(pixels: GreyPixels): { minValue: number; maxValue: number } {
  let minValue = Infinity;
  let maxValue = -Infinity;
  for (let i = 0; i < pixels.length; i++) {
    const v = pixels[i]!;
    if (v < minValue) minValue = v;
    if (v > maxValue) maxValue = v;
  }
  return pixels.length ? { minValue, maxValue } : { minValue: 0, maxValue: 0 };
}

function toRgb8(raw: Uint16Array, bitsStored: number): Uint8Array {
  const out = new Uint8Array(raw.length);
  const shift = Math.max(0, bitsStored - 8);
  for (let i = 0; i < raw.length; i++) out[i] = Math.min(255, raw[i]! >> shift);
  return out;
}

/** Native/RLE YBR_FULL (full-range BT.601) → RGB; JPEG codecs already return RGB. */
function ybrToRgbIfNeeded(rgb: Uint8Array, photometric: string, source: "native" | "codec"): Uint8Array {
  if (source === "codec" || photometric !== "YBR_FULL") return rgb;
  const out = new Uint8Array(rgb.length);
  const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));
  for (let i = 0; i < rgb.length; i += 3) {
    const y = rgb[i]!,
      cb = rgb[i + 1]! - 128,
      cr = rgb[i + 2]! - 128;
    out[i] = clamp(y + 1.402 * cr);
    out[i + 1] = clamp(y - 0.344136 * cb - 0.714136 * cr);
    out[i + 2] = clamp(y + 1.772 * cb);
  }
  return out;
}
