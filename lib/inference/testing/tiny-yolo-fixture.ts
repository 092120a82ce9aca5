// Mirrors make-tiny-yolo-onnx.py: the raw outputs the tiny models produce, for decode tests without onnxruntime.

export const TINY_NAMES = ["Mass", "Nodule"];

/** [cx, cy, w, h, Mass score, Nodule score] per anchor, in 32x32 input pixels. */
export const TINY_ANCHORS: ReadonlyArray<readonly [number, number, number, number, number, number]> = [
  [8, 8, 8, 8, 0.9, 0.05],
  [9, 8, 8, 8, 0.8, 0.0],
  [9, 9, 8, 8, 0.0, 0.7],
  [24, 24, 8, 8, 0.6, 0.0],
  [24, 26, 8, 8, 0.5, 0.0],
  [16, 16, 4, 4, 0.0, 0.2],
  [28, 4, 6, 6, 0.3, 0.35],
  [16, 16, 30, 10, 0.0, 0.1], // + 0.5 * mean(input) on Nodule
];

export const TINY_E2E_ROWS: ReadonlyArray<readonly [number, number, number, number, number, number]> = [
  [4, 4, 12, 12, 0.9, 0],
  [5, 5, 13, 13, 0.7, 1],
  [20, 20, 28, 28, 0.6, 0],
  [1, 11, 31, 21, 0.1, 1], // + 0.5 * mean(input) on the score
  [25, 1, 31, 7, 0.35, 1],
  [14, 14, 18, 18, 0.2, 1],
  [0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0],
];

/** The `[B, 6, 8]` output for inputs whose means are `means`. */
export function tinyAnchorsOutput(means: readonly number[]) {
  const n = TINY_ANCHORS.length;
  const data = new Float32Array(means.length * 6 * n);
  means.forEach((mean, b) =>
    TINY_ANCHORS.forEach((row, a) => row.forEach((v, r) => (data[b * 6 * n + r * n + a] = a === 7 && r === 5 ? v + 0.5 * mean : v))),
  );
  return { data, dims: [means.length, 6, n] };
}

/** The `[B, 8, 6]` end-to-end output for inputs whose means are `means`. */
export function tinyEndToEndOutput(means: readonly number[]) {
  const data = new Float32Array(means.length * TINY_E2E_ROWS.length * 6);
  means.forEach((mean, b) =>
    TINY_E2E_ROWS.forEach((row, r) =>
      row.forEach((v, c) => (data[(b * TINY_E2E_ROWS.length + r) * 6 + c] = r === 3 && c === 4 ? v + 0.5 * mean : v)),
    ),
  );
  return { data, dims: [means.length, TINY_E2E_ROWS.length, 6] };
}
