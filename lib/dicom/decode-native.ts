import { AppError } from "@/lib/errors";
import type { DicomMetadata } from "./read-metadata";

/** Raw samples of one frame as unsigned integers, interleaved when samplesPerPixel > 1. */
export type RawSamples = Uint8Array | Uint16Array;

/**
 * Uncompressed frame bytes → samples in machine order (big endian swapped). In explicit VR big endian, 8-bit
 * pixels stored as OW are 16-bit words too, so each byte pair is swapped (PS3.5 8.1.1); OB is left alone.
 */
export function decodeNative(bytes: Uint8Array, meta: DicomMetadata, littleEndian: boolean, vr?: string): RawSamples {
  if (meta.bitsAllocated === 8) {
    const out = new Uint8Array(bytes);
    if (!littleEndian && vr !== "OB") {
      for (let i = 0; i + 1 < out.length; i += 2) {
        out[i] = bytes[i + 1]!;
        out[i + 1] = bytes[i]!;
      }
    }
    return interleave(out, meta);
  }
  if (meta.bitsAllocated !== 16) {
    throw new AppError("unsupported", `Bits allocated ${meta.bitsAllocated} is not supported (8 or 16 only)`);
  }
  const count = bytes.length >> 1;
  const out = new Uint16Array(count);
  if (littleEndian) {
    for (let i = 0, j = 0; i < count; i++, j += 2) out[i] = bytes[j]! | (bytes[j + 1]! << 8);
  } else {
    for (let i = 0, j = 0; i < count; i++, j += 2) out[i] = (bytes[j]! << 8) | bytes[j + 1]!;
  }
  return interleave(out, meta);
}

/** Planar (RRR…GGG…BBB…) colour-by-plane data → interleaved RGBRGB…. */
export function interleave<T extends RawSamples>(samples: T, meta: DicomMetadata): T {
  if (meta.samplesPerPixel === 1 || meta.planarConfiguration === 0) return samples;
  const plane = meta.rows * meta.columns;
  const out = new (samples.constructor as new (n: number) => T)(samples.length);
  for (let p = 0; p < plane; p++) {
    for (let s = 0; s < meta.samplesPerPixel; s++) out[p * meta.samplesPerPixel + s] = samples[s * plane + p]!;
  }
  return out;
}
