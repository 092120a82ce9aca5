// Test-only RLE Lossless encoder (PS3.5 Annex G), the inverse of decode-rle.ts.
export function packBits(src: Uint8Array): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < src.length) {
    let run = 1;
    while (i + run < src.length && run < 128 && src[i + run] === src[i]) run++;
    if (run >= 3) {
      out.push((1 - run) & 255, src[i]!);
      i += run;
      continue;
    }
    const start = i;
    while (i < src.length && i - start < 128) {
      if (i + 2 < src.length && src[i] === src[i + 1] && src[i] === src[i + 2]) break;
      i++;
    }
    out.push(i - start - 1, ...src.subarray(start, i));
  }
  if (out.length % 2) out.push(0x80); // -128: no-op padding to even length
  return Uint8Array.from(out);
}

/** One RLE frame: 64-byte header + one segment per byte plane (MSB first) of each sample. */
export function encodeRleFrame(samples: ArrayLike<number>, bytesPerSample: 1 | 2, samplesPerPixel = 1): Uint8Array {
  const pixels = samples.length / samplesPerPixel;
  const segments: Uint8Array[] = [];
  for (let s = 0; s < samplesPerPixel; s++) {
    for (let b = bytesPerSample - 1; b >= 0; b--) {
      const plane = new Uint8Array(pixels);
      for (let p = 0; p < pixels; p++) plane[p] = (samples[p * samplesPerPixel + s]! >> (8 * b)) & 255;
      segments.push(packBits(plane));
    }
  }
  const header = new DataView(new ArrayBuffer(64));
  header.setUint32(0, segments.length, true);
  let offset = 64;
  segments.forEach((seg, k) => {
    header.setUint32(4 + 4 * k, offset, true);
    offset += seg.length;
  });
  const out = new Uint8Array(offset);
  out.set(new Uint8Array(header.buffer), 0);
  let o = 64;
  for (const seg of segments) {
    out.set(seg, o);
    o += seg.length;
  }
  return out;
}
