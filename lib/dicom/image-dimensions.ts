import { AppError } from "@/lib/errors";

// Image size from the header alone (PNG IHDR, JPEG SOFn), so a decompression bomb is refused before any decoder
// allocates its pixels. DICOM sizes come from readMetadata (rows × columns × frames × samples).
export type ImageDimensions = { width: number; height: number; samples: number; frames: number };

export const pixelCount = (d: ImageDimensions) => d.width * d.height * d.samples * d.frames;

const PNG_SAMPLES: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export function pngDimensions(bytes: Uint8Array): ImageDimensions {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isIhdr = bytes.length >= 29 && String.fromCharCode(...bytes.subarray(12, 16)) === "IHDR";
  if (!isIhdr) throw new AppError("unprocessable", "PNG image has no IHDR header.");
  const samples = PNG_SAMPLES[bytes[25]!];
  if (samples === undefined) throw new AppError("unprocessable", `PNG image declares the invalid colour type ${bytes[25]}.`);
  return { width: view.getUint32(16), height: view.getUint32(20), samples, frames: 1 };
}

// Markers without a length field (TEM, RSTn) are skipped; SOF0–15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame.
export function jpegDimensions(bytes: Uint8Array): ImageDimensions {
  let p = 2;
  while (p + 9 < bytes.length) {
    if (bytes[p] !== 0xff) break;
    const marker = bytes[p + 1]!;
    if (marker === 0xff) {
      p += 1;
      continue;
    } // fill byte
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      p += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break; // scan data or end before any frame header
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = (bytes[p + 5]! << 8) | bytes[p + 6]!;
      const width = (bytes[p + 7]! << 8) | bytes[p + 8]!;
      if (height === 0 || width === 0) throw new AppError("unprocessable", "JPEG frame header declares a zero width or height.");
      return { width, height, samples: bytes[p + 9]!, frames: 1 };
    }
    p += 2 + ((bytes[p + 2]! << 8) | bytes[p + 3]!);
  }
  throw new AppError("unprocessable", "JPEG image has no readable frame header (SOF).");
}

/** Throws payload_too_large (413) when the image declares more samples than `maxPixels`. */
export function assertPixelBudget(d: ImageDimensions, maxPixels: number): void {
  const count = pixelCount(d);
  if (count <= maxPixels) return;
  const shape = `${d.width}×${d.height}${d.frames > 1 ? ` × ${d.frames} frames` : ""}${d.samples > 1 ? ` × ${d.samples} samples` : ""}`;
  throw new AppError(
    "payload_too_large",
    `The image declares ${shape} = ${count.toLocaleString("en")} pixel values; the limit is ${maxPixels.toLocaleString("en")} (MAX_IMAGE_PIXELS).`,
  );
}
