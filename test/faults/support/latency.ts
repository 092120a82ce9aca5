// Latency probes for fault scenarios: sample an endpoint while some load runs, report percentiles.
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** GETs `url` one request at a time, every `everyMs`, until `stop()` says so; returns each request's time in ms. */
export async function probeUntil(url: string, stop: () => boolean, everyMs = 50): Promise<number[]> {
  const out: number[] = [];
  while (!stop()) {
    const t0 = performance.now();
    await fetch(url).then(
      (r) => r.arrayBuffer(),
      () => undefined,
    );
    out.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return out;
}

export const ms = (v: number) => `${v.toFixed(1)} ms`;
