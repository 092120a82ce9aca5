// Population Stability Index over matching bins: Σ (c_i − r_i) · ln(c_i / r_i), proportions floored at ε.

export const PSI_EPSILON = 1e-4; // an empty bin counts as 0.01 % so ln() stays finite
export const PSI_ALERT = 0.2; // > 0.2: significant shift (0.1–0.2: moderate, < 0.1: stable)

/** Bin proportions with every share floored at `epsilon`; an empty sample gives all zeros. */
export function proportions(counts: readonly number[], epsilon = PSI_EPSILON): number[] {
  const n = counts.reduce((s, c) => s + c, 0);
  return counts.map((c) => (n === 0 ? 0 : Math.max(c / n, epsilon)));
}

/** PSI of `current` against `reference` (counts over the same bins); 0 when either sample is empty. */
export function psi(reference: readonly number[], current: readonly number[], epsilon = PSI_EPSILON): number {
  if (reference.length !== current.length) throw new RangeError("PSI needs the same bins on both sides");
  const total = (xs: readonly number[]) => xs.reduce((s, c) => s + c, 0);
  if (total(reference) === 0 || total(current) === 0) return 0;
  const r = proportions(reference, epsilon);
  const c = proportions(current, epsilon);
  return r.reduce((s, ri, i) => s + (c[i]! - ri) * Math.log(c[i]! / ri), 0);
}
