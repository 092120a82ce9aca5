import { AppError } from "@/lib/errors";
import type { RawSamples } from "./decode-native";
import type { DicomMetadata } from "./read-metadata";

/**
 * RLE Lossless (PS3.5 Annex G): a 64-byte header of 16 little-endian uint32 (segment count, then 15 offsets),
 * one PackBits segment per byte plane, most significant byte first, sample by sample.
 */
export function decodeRle(frame: Uint8Array, meta: DicomMetadata): RawSamples {
  const bytesPerSample = meta.bitsAllocated / 8;
  if (bytesPerSample !== 1 && bytesPerSample !== 2) {
    throw new AppError("unsupported", `RLE with bits allocated ${meta.bitsAllocated} is not supported`);
  }
  if (frame.length < 64) throw new AppError("unprocessable", "RLE frame shorter than its 64-byte header");
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const segments = view.getUint32(0, true);
  const spp = meta.samplesPerPixel;
  if (segments !== bytesPerSample * spp) {
    throw new AppError("unprocessable", `RLE header lists ${segments} segments, expected ${bytesPerSample * spp}`);
  }
  const pixels = meta.rows * meta.columns;
  const out = bytesPerSample === 1 ? new Uint8Array(pixels * spp) : new Uint16Array(pixels * spp);
  const plane = new Uint8Array(pixels);
  for (let seg = 0; seg < segments; seg++) {
    const start = view.getUint32(4 + seg * 4, true);
    const end = seg + 1 < segments ? view.getUint32(8 + seg * 4, true) : frame.length;
    if (start < 64 || end > frame.length || end < start) throw new AppError("unprocessable", "RLE segment offsets are corrupt");
    unpackBits(frame.subarray(start, end), plane);
    const sample = Math.floor(seg / bytesPerSample);
    const shift = 8 * (bytesPerSample - 1 - (seg % bytesPerSample));
    for (let p = 0, o = sample; p < pixels; p++, o += spp) out[o] = out[o]! | (plane[p]! << shift);
  }
  return out;
}

/** PackBits: n ≥ 0 copies n+1 literal bytes; -127 ≤ n ≤ -1 repeats the next byte 1-n times; -128 is a no-op. */
export function unpackBits(src: Uint8Array, dst: Uint8Array): void {
  let i = 0;
  let o = 0;
  while (i < src.length && o < dst.length) {
    const n = (src[i++]! << 24) >> 24;
    if (n >= 0) {
      const end = Math.min(i + n + 1, src.length);
      while (i < end && o < dst.length) dst[o++] = src[i++]!;
    } else if (n !== -128) {
      const value = src[i++] ?? 0;
      for (let k = 0; k < 1 - n && o < dst.length; k++) dst[o++] = value;
    }
  }
  if (o < dst.length) throw new AppError("unprocessable", "RLE segment ends before the frame is complete");
}
