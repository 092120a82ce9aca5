import type { BoxXyxy } from "@/lib/boxes/convert";

// The lung field's bounding box on a chest film, simple enough to say in one sentence: on a display image (air dark),
// the pixels darker than Otsu's threshold that are not connected to the film's edge (the air around the body) are
// the lungs; their bounding box is the lung field. Works on a ≤ 128 px thumbnail; the whole image when nothing is found.

const THUMB = 128;
const MIN_FRACTION = 0.02; // less dark inside than this: no lung field found

export type GreyImage = { width: number; height: number; data: ArrayLike<number> };

function thumbnail(img: GreyImage): { w: number; h: number; px: Float32Array; step: number } {
  const step = Math.max(1, Math.ceil(Math.max(img.width, img.height) / THUMB));
  const w = Math.ceil(img.width / step);
  const h = Math.ceil(img.height / step);
  const px = new Float32Array(w * h);
  const n = new Uint16Array(w * h);
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      const i = Math.floor(y / step) * w + Math.floor(x / step);
      px[i]! += img.data[y * img.width + x]!;
      n[i]!++;
    }
  for (let i = 0; i < px.length; i++) px[i]! /= n[i]!;
  return { w, h, px, step };
}

/** Otsu's threshold of 8-bit-range values (the one that best splits them into two classes). */
export function otsuThreshold(values: ArrayLike<number>): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < values.length; i++) hist[Math.max(0, Math.min(255, Math.round(values[i]!)))]!++;
  const total = values.length;
  let sumAll = 0;
  for (let t = 0; t < 256; t++) sumAll += t * hist[t]!;
  let best = 0;
  let bestVar = -1;
  let wB = 0;
  let sumB = 0;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const between = wB * wF * (sumB / wB - (sumAll - sumB) / wF) ** 2;
    if (between > bestVar) [bestVar, best] = [between, t];
  }
  return best;
}

export function lungFieldBox(img: GreyImage): BoxXyxy {
  const whole: BoxXyxy = [0, 0, img.width, img.height];
  if (img.width < 2 || img.height < 2) return whole;
  const { w, h, px, step } = thumbnail(img);
  const t = otsuThreshold(px);
  const dark = (i: number) => px[i]! <= t;
  // Flood the dark pixels reachable from the edge: that is the air outside the body.
  const outside = new Uint8Array(w * h);
  const stack: number[] = [];
  for (let x = 0; x < w; x++) stack.push(x, (h - 1) * w + x);
  for (let y = 0; y < h; y++) stack.push(y * w, y * w + w - 1);
  while (stack.length) {
    const i = stack.pop()!;
    if (outside[i] || !dark(i)) continue;
    outside[i] = 1;
    const x = i % w;
    if (x > 0) stack.push(i - 1);
    if (x < w - 1) stack.push(i + 1);
    if (i >= w) stack.push(i - w);
    if (i < w * (h - 1)) stack.push(i + w);
  }
  let [x1, y1, x2, y2, count] = [w, h, -1, -1, 0];
  for (let i = 0; i < w * h; i++) {
    if (!dark(i) || outside[i]) continue;
    const x = i % w;
    const y = (i - x) / w;
    [x1, y1, x2, y2] = [Math.min(x1, x), Math.min(y1, y), Math.max(x2, x), Math.max(y2, y)];
    count++;
  }
  if (count < MIN_FRACTION * w * h) return whole;
  return [x1 * step, y1 * step, Math.min(img.width, (x2 + 1) * step), Math.min(img.height, (y2 + 1) * step)];
}
