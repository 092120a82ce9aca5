// Linear rescale of grey samples 0..max to 0..255 (16-bit PNGs → the 8-bit image that is stored or predicted on).
export function scaleToGrey8(pixels: ArrayLike<number>, max: number): Uint8Array {
  const out = new Uint8Array(pixels.length);
  const scale = max > 0 ? 255 / max : 0;
  for (let i = 0; i < pixels.length; i++) out[i] = Math.round(pixels[i]! * scale);
  return out;
}
