import { Gauge } from "prom-client";
import { singleMetric } from "@/lib/metrics/registry";
import type { FeatureScore } from "@/lib/drift/score-feature";

const score = () =>
  singleMetric(
    "cxr_drift_score",
    (r) =>
      new Gauge({
        name: "cxr_drift_score",
        help: "Latest drift score per feature and metric (PSI or KS D) of the current window against the reference.",
        labelNames: ["feature", "metric"] as const,
        registers: [r],
      }),
  );
const alert = () =>
  singleMetric(
    "cxr_drift_alert",
    (r) =>
      new Gauge({
        name: "cxr_drift_alert",
        help: "1 when the feature crossed a drift threshold in the latest computation, else 0.",
        labelNames: ["feature"] as const,
        registers: [r],
      }),
  );

/** Registers both gauges (so dashboards and deploy checks see them before the first computation). */
export function registerDriftGauges(): void {
  score();
  alert();
}

/** Sets the gauges from one computation; called after every drift run. */
export function recordDriftGauges(features: readonly FeatureScore[]): void {
  registerDriftGauges();
  for (const f of features) {
    for (const m of f.metrics) score().set({ feature: f.feature, metric: m.metric }, m.score);
    alert().set({ feature: f.feature }, f.alert ? 1 : 0);
  }
}
