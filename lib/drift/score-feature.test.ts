import { describe, expect, it } from "vitest";
import { extractFeatureValues, FEATURES } from "./features";
import { MIN_SAMPLES, rankFeatures, scoreFeature } from "./score-feature";

const spec = (name: string) => FEATURES.find((f) => f.name === name)!;
const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

describe("scoreFeature", () => {
  it("scores continuous features with PSI and KS, alerting past the thresholds", () => {
    const s = scoreFeature(
      spec("meanIntensity"),
      range(100, (i) => i),
      range(100, (i) => i + 60),
    );
    expect(s.metrics.map((m) => m.metric)).toEqual(["psi", "ks"]);
    expect(s.metrics[1]!.score).toBeCloseTo(0.6, 6);
    expect(s.metrics.every((m) => m.alert)).toBe(true);
    expect(s.alert).toBe(true);
    expect(s.severity).toBeGreaterThan(1);
  });

  it("does not alert on the same distribution", () => {
    const s = scoreFeature(
      spec("meanIntensity"),
      range(100, (i) => i),
      range(100, (i) => 99 - i),
    );
    expect(s.metrics.map((m) => m.score)).toEqual([0, 0]);
    expect(s.alert).toBe(false);
  });

  it("scores categorical features with PSI only", () => {
    const s = scoreFeature(
      spec("manufacturer"),
      range(50, () => 0).map(() => "GE"),
      range(50, (i) => (i % 2 ? "GE" : "Fuji")),
    );
    expect(s.metrics).toHaveLength(1);
    expect(s.metrics[0]!.alert).toBe(true);
  });

  it("never alerts on fewer than MIN_SAMPLES values", () => {
    const s = scoreFeature(
      spec("manufacturer"),
      range(MIN_SAMPLES - 1, () => 0).map(() => "GE"),
      ["Fuji", "Fuji"],
    );
    expect(s.metrics[0]!.score).toBeGreaterThan(1);
    expect(s.alert).toBe(false);
    expect(s.insufficientData).toBe(true);
  });

  it("ranks alerts first, then by severity", () => {
    const quiet = scoreFeature(
      spec("rows"),
      range(50, (i) => i),
      range(50, (i) => i),
    );
    const loud = scoreFeature(
      spec("columns"),
      range(50, (i) => i),
      range(50, (i) => i + 100),
    );
    expect(rankFeatures([quiet, loud]).map((f) => f.feature)).toEqual(["columns", "rows"]);
  });
});

describe("extractFeatureValues", () => {
  it("reads stored input features and derives output features, missing values as null", () => {
    const v = extractFeatureValues([
      { features: { manufacturer: "GE", meanIntensity: 120, p50: "bad" }, findings: [{ className: "Nodule/Mass", confidence: 0.9 }] },
      { features: null, findings: range(7, () => 0).map(() => ({ className: "Atelectasis", confidence: 0.4 })) },
    ]);
    expect(v.manufacturer).toEqual(["GE", null]);
    expect(v.meanIntensity).toEqual([120, null]);
    expect(v.p50).toEqual([null, null]);
    expect(v.boxesPerImage).toEqual(["1", "5+"]);
    expect(v.classMix).toHaveLength(8);
    expect(v.confidence![0]).toBe(0.9);
  });
});
