import { decode as decodeJpegJs } from "jpeg-js";
import { PNG } from "pngjs";
import { AppError } from "@/lib/errors";
import { decodeJpegBaseline8 } from "./codecs/decode-wasm";
import { pixelRange } from "./pixel-values";
import type { DecodedImage, GreyPixels } from "./types";

export type RasterFormat = "png" | "jpeg";
export type DecodedRaster = DecodedImage & { format: RasterFormat };

export function detectRasterFormat(bytes: Uint8Array): RasterFormat | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  return undefined;
}

/**
 * PNG/JPEG bytes → the same shape as decodePixels (pure JS decoders, so it runs in workers too).
 * Grey images (or RGB whose channels agree; JPEG chroma noise of ±2 tolerated) → 1 sample; else 8-bit RGB.
 * 16-bit grey PNG keeps 16 bits.
 */
export function decodeRaster(bytes: Uint8Array): DecodedRaster {
  const format = detectRasterFormat(bytes);
  if (!format) throw new AppError("unsupported_media_type", "Not a PNG or JPEG image");
  let width: number;
  let height: number;
  let rgba: Uint8Array | Uint16Array;
  let channels: number;
  try {
    if (format === "png") {
      const buffer = typeof Buffer !== "undefined" ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
      const png = PNG.sync.read(buffer as Buffer, { skipRescale: true });
      ({ width, height } = png);
      rgba = png.data as unknown as Uint8Array | Uint16Array; // pngjs returns Uint16Array for 16-bit with skipRescale
      channels = 4;
    } else {
      const jpg = decodeJpegJs(bytes, { useTArray: true, formatAsRGBA: false });
      ({ width, height } = jpg);
      rgba = jpg.data;
      channels = 3;
    }
  } catch (e) {
    throw new AppError("unprocessable", `${format.toUpperCase()} image could not be decoded`, { cause: String(e) });
  }
  return { format, ...toDecoded(rgba, width, height, channels, format === "jpeg" ? 2 : 0) };
}

/** Like decodeRaster, but JPEGs go through the libjpeg-turbo WASM codec (about 10× faster than jpeg-js); jpeg-js stays
 * the fallback for anything the codec refuses. */
export async function decodeRasterFast(bytes: Uint8Array): Promise<DecodedRaster> {
  if (detectRasterFormat(bytes) !== "jpeg") return decodeRaster(bytes);
  try {
    const f = await decodeJpegBaseline8(bytes);
    if (f.bitsPerSample !== 8 || (f.componentCount !== 1 && f.componentCount !== 3)) return decodeRaster(bytes);
    return { format: "jpeg", ...toDecoded(f.samples, f.width, f.height, f.componentCount === 1 ? 1 : 3, f.componentCount === 1 ? 0 : 2) };
  } catch {
    return decodeRaster(bytes);
  }
}

function channelsAgree(data: Uint8Array | Uint16Array, n: number, channels: number, tolerance: number): boolean {
  if (channels < 3) return true;
  for (let i = 0, j = 0; i < n; i++, j += channels) {
    const r = data[j]!,
      g = data[j + 1]!,
      b = data[j + 2]!;
    if (r - g > tolerance || g - r > tolerance || g - b > tolerance || b - g > tolerance) return false;
  }
  return true;
}

// Separate loops per output kind keep each one monomorphic (one typed-array type), which V8 runs several times faster.
function lumaOf(data: Uint8Array | Uint16Array, n: number, channels: number, out: Uint8Array | Uint16Array): void {
  for (let i = 0, j = 0; i < n; i++, j += channels) out[i] = Math.round(0.299 * data[j]! + 0.587 * data[j + 1]! + 0.114 * data[j + 2]!);
}
function firstChannel(data: Uint8Array | Uint16Array, n: number, channels: number, out: Uint8Array | Uint16Array): void {
  if (channels === 1) return out.set(data);
  for (let i = 0, j = 0; i < n; i++, j += channels) out[i] = data[j]!;
}
/** 8-bit colour whose channels agree within `tolerance` → luma in one pass (null as soon as they disagree). Equal
 * channels take the value itself: round(0.299v + 0.587v + 0.114v) is v, so the result matches lumaOf exactly. */
export function greyFromColour8(data: Uint8Array, n: number, channels: number, tolerance: number): Uint8Array | null {
  const out = new Uint8Array(n);
  for (let i = 0, j = 0; i < n; i++, j += channels) {
    const r = data[j]!,
      g = data[j + 1]!,
      b = data[j + 2]!;
    if (r === g && g === b) {
      out[i] = r;
      continue;
    }
    if (r - g > tolerance || g - r > tolerance || g - b > tolerance || b - g > tolerance) return null;
    out[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  return out;
}

function toDecoded(data: Uint8Array | Uint16Array, columns: number, rows: number, channels: number, tolerance: number): DecodedImage {
  const n = rows * columns;
  if (data instanceof Uint8Array && channels >= 3 && tolerance > 0) {
    const pixels = greyFromColour8(data, n, channels, tolerance);
    if (pixels) {
      return { rows, columns, pixels, samplesPerPixel: 1, bitsStored: 8, pixelRepresentation: 0, ...pixelRange(pixels) };
    }
  }
  const sixteen = data instanceof Uint16Array;
  const grey = channelsAgree(data, n, channels, tolerance);
  let pixels: GreyPixels;
  if (grey) {
    pixels = sixteen ? new Uint16Array(n) : new Uint8Array(n);
    if (tolerance === 0 || channels === 1) firstChannel(data, n, channels, pixels);
    else lumaOf(data, n, channels, pixels);
  } else {
    pixels = new Uint8Array(n * 3);
    for (let i = 0, j = 0; i < n; i++, j += channels) {
      for (let c = 0; c < 3; c++) pixels[i * 3 + c] = sixteen ? data[j + c]! >> 8 : data[j + c]!;
    }
  }
  const { minValue, maxValue } = pixelRange(pixels);
  const bitsStored = grey && sixteen ? 16 : 8;
  return { rows, columns, pixels, samplesPerPixel: grey ? 1 : 3, bitsStored, pixelRepresentation: 0, minValue, maxValue };
}
