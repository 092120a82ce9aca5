import { categoricalHistogram, continuousHistogram, type Histogram } from "@/lib/drift/bins";
import type { FeatureSpec } from "@/lib/drift/features";
import { KS_ALPHA, KS_D_ALERT, ksTest } from "@/lib/drift/ks";
import { PSI_ALERT, psi } from "@/lib/drift/psi";

export const MIN_SAMPLES = 20; // below this many values in either window a feature is scored but never alerts

export type MetricScore = { metric: "psi" | "ks"; score: number; threshold: number; alert: boolean; pValue?: number };
export type FeatureScore = {
  feature: string;
  kind: FeatureSpec["kind"];
  metrics: MetricScore[];
  alert: boolean;
  severity: number; // max score / threshold over the metrics: the ranking key, > 1 means past a threshold
  insufficientData: boolean;
  referenceCount: number;
  currentCount: number;
  histogram: Histogram;
};

const round = (v: number) => Math.round(v * 1e6) / 1e6;

// PSI for every feature; KS as well for continuous ones. Pure, so the service and the unit tests share it.
export function scoreFeature(
  spec: FeatureSpec,
  reference: readonly (string | number | null)[],
  current: readonly (string | number | null)[],
): FeatureScore {
  const enough = reference.length >= MIN_SAMPLES && current.length >= MIN_SAMPLES;
  const metrics: MetricScore[] = [];
  let histogram: Histogram;
  if (spec.type === "continuous") {
    const ref = reference as readonly (number | null)[];
    const cur = current as readonly (number | null)[];
    histogram = continuousHistogram(ref, cur);
    const present = (xs: readonly (number | null)[]) => xs.filter((v): v is number => v !== null && Number.isFinite(v));
    const ks = ksTest(present(ref), present(cur));
    const p = psi(histogram.reference, histogram.current);
    metrics.push({ metric: "psi", score: round(p), threshold: PSI_ALERT, alert: enough && p > PSI_ALERT });
    metrics.push({
      metric: "ks",
      score: round(ks.d),
      threshold: KS_D_ALERT,
      alert: enough && ks.d > KS_D_ALERT && ks.pValue < KS_ALPHA,
      pValue: ks.pValue,
    });
  } else {
    histogram = categoricalHistogram(reference as readonly (string | null)[], current as readonly (string | null)[]);
    const p = psi(histogram.reference, histogram.current);
    metrics.push({ metric: "psi", score: round(p), threshold: PSI_ALERT, alert: enough && p > PSI_ALERT });
  }
  return {
    feature: spec.name,
    kind: spec.kind,
    metrics,
    alert: metrics.some((m) => m.alert),
    severity: round(Math.max(...metrics.map((m) => m.score / m.threshold))),
    insufficientData: !enough,
    referenceCount: reference.length,
    currentCount: current.length,
    histogram,
  };
}

/** Most drifting first: alerts, then by severity, then by name for a stable order. */
export function rankFeatures(scores: readonly FeatureScore[]): FeatureScore[] {
  return [...scores].sort((a, b) => Number(b.alert) - Number(a.alert) || b.severity - a.severity || a.feature.localeCompare(b.feature));
}
