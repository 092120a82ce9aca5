import type { DriftBinDto, DriftFeatureDto, DriftMetric, DriftSnapshotDto } from "@/lib/schemas/drift";

// Shapes snapshot history for the dashboard's charts and table; pure so it is unit-tested without a browser.

export type ScorePoint = { at: string } & Record<string, number | string>;

/** One point per computation (oldest first), with each feature's score for `metric` under the feature's name. */
export function scoreSeries(snapshots: readonly DriftSnapshotDto[], metric: DriftMetric): ScorePoint[] {
  const byRun = new Map<string, ScorePoint>();
  for (const s of snapshots) {
    if (s.metric !== metric) continue;
    const point = byRun.get(s.createdAt) ?? { at: s.createdAt };
    point[s.feature] = s.score;
    byRun.set(s.createdAt, point);
  }
  return [...byRun.values()].sort((a, b) => a.at.localeCompare(b.at));
}

export function featureNames(snapshots: readonly DriftSnapshotDto[]): string[] {
  return [...new Set(snapshots.map((s) => s.feature))].sort();
}

type SnapshotDetails = {
  bins?: DriftBinDto[];
  referenceCount?: number;
  currentCount?: number;
  insufficientData?: boolean;
  pValue?: number | null;
};

/** The newest computation's features, rebuilt from its snapshots and ranked like a fresh report. */
export function latestFeatures(snapshots: readonly DriftSnapshotDto[]): DriftFeatureDto[] {
  const newest = snapshots.reduce<string | null>((m, s) => (m === null || s.createdAt > m ? s.createdAt : m), null);
  const features = new Map<string, DriftFeatureDto>();
  for (const s of snapshots) {
    if (s.createdAt !== newest) continue;
    const d = (s.details ?? {}) as SnapshotDetails;
    const f = features.get(s.feature) ?? {
      feature: s.feature,
      kind: s.kind === "output" ? "output" : "input",
      alert: false,
      severity: 0,
      insufficientData: d.insufficientData ?? false,
      referenceCount: d.referenceCount ?? 0,
      currentCount: d.currentCount ?? 0,
      metrics: [],
      bins: d.bins ?? [],
    };
    f.metrics.push({
      metric: s.metric === "ks" ? "ks" : "psi",
      score: s.score,
      threshold: s.threshold,
      alert: s.alert,
      ...(d.pValue != null ? { pValue: d.pValue } : {}),
    });
    if (f.bins.length === 0 && d.bins) f.bins = d.bins; // every metric's snapshot of a feature carries the same bins
    f.alert ||= s.alert;
    f.severity = Math.max(f.severity, s.threshold > 0 ? s.score / s.threshold : 0);
    features.set(s.feature, f);
  }
  return [...features.values()].sort(
    (a, b) => Number(b.alert) - Number(a.alert) || b.severity - a.severity || a.feature.localeCompare(b.feature),
  );
}
