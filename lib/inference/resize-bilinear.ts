// Grey 8-bit resize that reproduces cv2.resize(..., interpolation=cv2.INTER_LINEAR) bit for bit on the usual
// OpenCV path: half-pixel centres, float32 source coordinates, 11-bit fixed-point weights, the SIMD rounding of
// the vertical pass, and the exact-2x shortcut to INTER_AREA. Pure: no Node APIs, reusable in the browser.

const COEF_BITS = 11;
const COEF_SCALE = 1 << COEF_BITS;
const f32 = Math.fround;

/** Round half to even, as cvRound and Python's round() do (never returns -0). */
export function roundHalfEven(v: number): number {
  const r = Math.round(v) + 0;
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

interface Taps {
  index: Int32Array; // first source index
  w0: Int16Array; // weight of index, scaled by 2048
  w1: Int16Array; // weight of index + 1
}

/** Source taps along one axis, as OpenCV computes them (x clamps the coordinate, y clamps only the rows). */
function taps(srcLen: number, dstLen: number, clampCoordinate: boolean): Taps {
  const scale = 1 / (dstLen / srcLen); // OpenCV: scale_x = 1. / inv_scale_x
  const index = new Int32Array(dstLen);
  const w0 = new Int16Array(dstLen);
  const w1 = new Int16Array(dstLen);
  for (let d = 0; d < dstLen; d++) {
    let f = f32((d + 0.5) * scale - 0.5);
    let s = Math.floor(f);
    f = f32(f - s);
    if (clampCoordinate && (s < 0 || s >= srcLen - 1)) {
      s = s < 0 ? 0 : srcLen - 1;
      f = 0;
    }
    index[d] = s;
    w0[d] = roundHalfEven(f32(1 - f) * COEF_SCALE);
    w1[d] = roundHalfEven(f * COEF_SCALE);
  }
  return { index, w0, w1 };
}

function areaHalf(src: Uint8Array, sw: number, dw: number, dh: number): Uint8Array {
  const out = new Uint8Array(dw * dh);
  for (let y = 0; y < dh; y++) {
    const r0 = 2 * y * sw;
    const r1 = r0 + sw;
    for (let x = 0; x < dw; x++) {
      const i = 2 * x;
      out[y * dw + x] = (src[r0 + i]! + src[r0 + i + 1]! + src[r1 + i]! + src[r1 + i + 1]! + 2) >> 2;
    }
  }
  return out;
}

/** Resizes a row-major grey image (sw × sh) to dw × dh. */
export function resizeBilinear(src: Uint8Array, sw: number, sh: number, dw: number, dh: number): Uint8Array {
  if (sw === dw && sh === dh) return src.slice();
  if (sw === 2 * dw && sh === 2 * dh) return areaHalf(src, sw, dw, dh);
  const tx = taps(sw, dw, true);
  const ty = taps(sh, dh, false);
  // Horizontal pass per source row, cached: each output row needs two source rows.
  const rows = new Map<number, Int32Array>();
  const hrow = (sy: number): Int32Array => {
    const y = Math.min(Math.max(sy, 0), sh - 1);
    let row = rows.get(y);
    if (row) return row;
    row = new Int32Array(dw);
    const base = y * sw;
    for (let x = 0; x < dw; x++) {
      const sx = tx.index[x]!;
      const a1 = tx.w1[x]!;
      row[x] = src[base + sx]! * tx.w0[x]! + (a1 === 0 ? 0 : src[base + sx + 1]! * a1);
    }
    rows.set(y, row);
    if (rows.size > 4) rows.delete(rows.keys().next().value!); // only neighbouring rows are reused
    return row;
  };
  const out = new Uint8Array(dw * dh);
  for (let y = 0; y < dh; y++) {
    const sy = ty.index[y]!;
    const s0 = hrow(sy);
    const s1 = hrow(sy + 1);
    const b0 = ty.w0[y]!;
    const b1 = ty.w1[y]!;
    const o = y * dw;
    for (let x = 0; x < dw; x++) {
      // OpenCV's SIMD vertical pass: ((S0 >> 4) * b0 >> 16) + ((S1 >> 4) * b1 >> 16), then (+2) >> 2.
      const v = (((s0[x]! >> 4) * b0) >> 16) + (((s1[x]! >> 4) * b1) >> 16);
      out[o + x] = Math.min(255, Math.max(0, (v + 2) >> 2));
    }
  }
  return out;
}
