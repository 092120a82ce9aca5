// Two-sample Kolmogorov–Smirnov test: D = sup |F_ref(x) − F_cur(x)| with the asymptotic p-value.

export const KS_D_ALERT = 0.15; // alert only when the CDFs differ by more than 15 points …
export const KS_ALPHA = 0.01; // … and the difference is significant at 1 %, so large windows do not alert on trivia

/** D over finite values; ties are handled by stepping both empirical CDFs past each distinct value. */
export function ksStatistic(a: readonly number[], b: readonly number[]): number {
  const x = a.filter(Number.isFinite).sort((p, q) => p - q);
  const y = b.filter(Number.isFinite).sort((p, q) => p - q);
  if (x.length === 0 || y.length === 0) return 0;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i]!, y[j]!);
    while (i < x.length && x[i]! <= v) i++;
    while (j < y.length && y[j]! <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

/** Q_KS(λ) = 2 Σ_{j≥1} (−1)^{j−1} e^{−2 j² λ²}, the Kolmogorov survival function. */
export function kolmogorovQ(lambda: number): number {
  if (lambda < 0.2) return 1; // the series converges slowly here and the value is 1 to 10 digits anyway
  let sum = 0;
  for (let j = 1; j <= 100; j++) {
    const term = (j % 2 === 1 ? 2 : -2) * Math.exp(-2 * j * j * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-12) break;
  }
  return Math.min(1, Math.max(0, sum));
}

/** Asymptotic p-value of D for sample sizes n and m, with Stephens' small-sample correction (Numerical Recipes). */
export function ksPValue(d: number, n: number, m: number): number {
  if (n === 0 || m === 0) return 1;
  const en = Math.sqrt((n * m) / (n + m));
  return kolmogorovQ((en + 0.12 + 0.11 / en) * d);
}

export function ksTest(a: readonly number[], b: readonly number[]): { d: number; pValue: number } {
  const d = ksStatistic(a, b);
  return { d, pValue: ksPValue(d, a.filter(Number.isFinite).length, b.filter(Number.isFinite).length) };
}
