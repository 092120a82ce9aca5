// Sizes dynamic batches by measured throughput: for each candidate size (1, 2, 4, … up to the cap) it keeps a moving
// average of run time per image, tries each size once when enough requests wait, then takes the size with the best
// measured images per second — re-trying a neighbour now and then, as load and cores change. On a CPU where a batch
// of 8 costs 8 single runs, it settles on small batches (spread over the workers); on a GPU, on full ones. Pure TS.

export interface BatchSizer {
  /** How many of `waiting` (≥ 1) requests the next run should take. No side effects: ask as often as needed. */
  size(waiting: number): number;
  /** One run of `n` images took `ms`. */
  record(n: number, ms: number): void;
  /** Measured ms per image per candidate size (for tests and logs). */
  stats(): Record<number, number>;
}

const ALPHA = 0.2; // weight of the newest run in the moving average
const REPROBE_EVERY = 64; // runs between tries of a neighbour of the best size

export function createBatchSizer(maxBatch: number): BatchSizer {
  const sizes: number[] = [];
  for (let s = 1; s < maxBatch; s *= 2) sizes.push(s);
  sizes.push(maxBatch);
  const perImage = new Map<number, number>(); // candidate size → EWMA ms per image
  let runs = 0;
  const bucket = (n: number) => sizes.filter((s) => s <= n).at(-1)!;
  const best = () => [...perImage].reduce((a, b) => (b[1] < a[1] ? b : a))[0];

  return {
    size(waiting) {
      const fits = sizes.filter((s) => s <= waiting);
      const untried = fits.find((s) => !perImage.has(s));
      if (untried !== undefined) return untried;
      const b = best();
      if (runs > 0 && runs % REPROBE_EVERY === 0) {
        const i = sizes.indexOf(b);
        const neighbour = sizes[Math.floor(runs / REPROBE_EVERY) % 2 === 1 ? i + 1 : i - 1];
        if (neighbour !== undefined && neighbour <= waiting) return neighbour;
      }
      return Math.min(b, waiting);
    },
    record(n, ms) {
      if (!(n >= 1) || !(ms >= 0)) return;
      runs++;
      const k = bucket(Math.min(n, maxBatch));
      const v = ms / n;
      const old = perImage.get(k);
      perImage.set(k, old === undefined ? v : old + ALPHA * (v - old));
    },
    stats: () => Object.fromEntries(perImage),
  };
}
