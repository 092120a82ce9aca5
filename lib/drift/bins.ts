// Binning for PSI: categorical values become their own bins; continuous values are cut at the reference window's
// deciles. Missing values (null, NaN, ±Infinity) get a bin of their own so a rise in missing data is drift too.

export const CONTINUOUS_BINS = 10;
export const MISSING_LABEL = "(missing)";

export type Histogram = { labels: string[]; reference: number[]; current: number[] }; // raw counts per bin

const isPresent = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/** The q-quantile (0..1) of ascending `sorted` with linear interpolation between order statistics (numpy's default). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError("quantile of an empty sample");
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Ascending, de-duplicated inner cut points at the reference's 1/bins … (bins-1)/bins quantiles; ties collapse bins. */
export function quantileCutPoints(reference: readonly number[], bins = CONTINUOUS_BINS): number[] {
  const sorted = reference.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const cuts: number[] = [];
  for (let i = 1; i < bins; i++) {
    const c = quantile(sorted, i / bins);
    if (cuts.length === 0 || c > cuts[cuts.length - 1]!) cuts.push(c);
  }
  return cuts;
}

/** Bin i holds (cuts[i-1], cuts[i]]; bin 0 is (-∞, cuts[0]], the last is (cuts[k-1], ∞). */
export function binIndex(cuts: readonly number[], v: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= cuts[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const fmt = (v: number) =>
  Math.abs(v) >= 1000 || Number.isInteger(v) ? String(Math.round(v * 100) / 100) : String(Number(v.toPrecision(4)));

function continuousLabels(cuts: readonly number[]): string[] {
  if (cuts.length === 0) return ["all"];
  return [`≤ ${fmt(cuts[0]!)}`, ...cuts.slice(1).map((c, i) => `(${fmt(cuts[i]!)}, ${fmt(c)}]`), `> ${fmt(cuts[cuts.length - 1]!)}`];
}

export function continuousHistogram(
  reference: readonly (number | null)[],
  current: readonly (number | null)[],
  bins = CONTINUOUS_BINS,
): Histogram {
  const cuts = quantileCutPoints(reference.filter(isPresent), bins);
  const labels = continuousLabels(cuts);
  const count = (values: readonly (number | null)[]) => {
    const counts = new Array<number>(labels.length + 1).fill(0); // the extra slot counts missing values
    for (const v of values) counts[isPresent(v) ? binIndex(cuts, v) : labels.length]!++;
    return counts;
  };
  return withMissingBin(labels, count(reference), count(current));
}

export function categoricalHistogram(reference: readonly (string | null)[], current: readonly (string | null)[]): Histogram {
  const present = (v: string | null): v is string => typeof v === "string" && v.length > 0;
  const labels = [...new Set([...reference, ...current].filter(present))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const count = (values: readonly (string | null)[]) => {
    const counts = new Array<number>(labels.length + 1).fill(0);
    for (const v of values) counts[present(v) ? index.get(v)! : labels.length]!++;
    return counts;
  };
  return withMissingBin(labels, count(reference), count(current));
}

// The missing bin is kept only when either window has a missing value, so complete data has no empty extra bin.
function withMissingBin(labels: string[], reference: number[], current: number[]): Histogram {
  if (reference[labels.length] === 0 && current[labels.length] === 0)
    return { labels, reference: reference.slice(0, -1), current: current.slice(0, -1) };
  return { labels: [...labels, MISSING_LABEL], reference, current };
}
