import { describe, expect, it } from "vitest";
import type { DriftSnapshotDto } from "@/lib/schemas/drift";
import { featureNames, latestFeatures, scoreSeries } from "./snapshot-views";

const snap = (
  createdAt: string,
  feature: string,
  metric: string,
  score: number,
  alert = false,
  details: unknown = null,
): DriftSnapshotDto => ({
  id: `${createdAt}-${feature}-${metric}`,
  createdAt,
  modelVersionId: null,
  windowStart: "2026-01-01T00:00:00.000Z",
  windowEnd: "2026-01-08T00:00:00.000Z",
  reference: "first 200 predictions",
  feature,
  kind: feature === "confidence" ? "output" : "input",
  metric,
  score,
  threshold: metric === "psi" ? 0.2 : 0.15,
  alert,
  details,
});

const T1 = "2026-01-02T00:00:00.000Z";
const T2 = "2026-01-03T00:00:00.000Z";
const history = [
  snap(T2, "meanIntensity", "psi", 0.9, true, {
    bins: [{ label: "≤ 1", reference: 1, current: 0 }],
    referenceCount: 200,
    currentCount: 150,
  }),
  snap(T2, "meanIntensity", "ks", 0.5, true, { pValue: 1e-9 }),
  snap(T2, "confidence", "psi", 0.05),
  snap(T1, "meanIntensity", "psi", 0.04),
  snap(T1, "confidence", "psi", 0.02),
];

describe("snapshot views", () => {
  it("turns history into one chart point per computation, oldest first", () => {
    expect(scoreSeries(history, "psi")).toEqual([
      { at: T1, meanIntensity: 0.04, confidence: 0.02 },
      { at: T2, meanIntensity: 0.9, confidence: 0.05 },
    ]);
    expect(scoreSeries(history, "ks")).toEqual([{ at: T2, meanIntensity: 0.5 }]);
    expect(featureNames(history)).toEqual(["confidence", "meanIntensity"]);
  });

  it("rebuilds the newest computation's ranked features with their histograms", () => {
    const latest = latestFeatures(history);
    expect(latest.map((f) => f.feature)).toEqual(["meanIntensity", "confidence"]);
    expect(latest[0]).toMatchObject({ alert: true, referenceCount: 200, currentCount: 150, severity: 4.5 });
    expect(latest[0]!.metrics).toEqual([
      { metric: "psi", score: 0.9, threshold: 0.2, alert: true },
      { metric: "ks", score: 0.5, threshold: 0.15, alert: true, pValue: 1e-9 },
    ]);
    expect(latest[0]!.bins).toHaveLength(1);
    expect(latestFeatures([])).toEqual([]);
  });
});
