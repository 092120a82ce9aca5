import { describe, expect, it } from "vitest";
import { optimizationOf } from "@/lib/models/optimization-view";

const card = {
  optimization: {
    method: "static INT8 quantization, QDQ",
    base: { name: "demo", version: "0.1.0", sha256: "aaa" },
    calibration: { images: 32, split: "train" },
    comparison: { float: { map50: 0.369, latency_p50_ms: 171 }, int8: { map50: 0.364, latency_p50_ms: 83 }, map50_delta: -0.005 },
  },
};

describe("optimizationOf", () => {
  it("is null for a version that is not optimized", () => {
    expect(optimizationOf({ name: "x" }, null, [])).toBeNull();
    expect(optimizationOf(null, null, [])).toBeNull();
  });

  it("puts the card's export comparison and both held-out evaluations side by side", () => {
    const base = { id: "f", sha256: "aaa", evaluation: { status: "succeeded", map50: 0.5, latencyP50Ms: 40 } };
    const o = optimizationOf(card, { status: "succeeded", map50: 0.45, latencyP50Ms: 20 }, [base, { id: "other", sha256: "bbb", evaluation: null }]);
    expect(o).toMatchObject({ precision: "int8", base: { id: "f", name: "demo", version: "0.1.0" }, calibrationImages: 32, exportComparison: { floatMap50: 0.369, int8Map50: 0.364, map50Delta: -0.005, floatLatencyMs: 171, int8LatencyMs: 83 } });
    expect(o!.heldOut!.map50Delta).toBeCloseTo(-0.05, 10);
    expect(o!.heldOut).toMatchObject({ floatLatencyMs: 40, int8LatencyMs: 20 });
  });

  it("has no held-out comparison until both evaluations succeeded, and survives a deleted base", () => {
    const base = { id: "f", sha256: "aaa", evaluation: { status: "queued", map50: null, latencyP50Ms: null } };
    expect(optimizationOf(card, { status: "succeeded", map50: 0.4, latencyP50Ms: 20 }, [base])!.heldOut).toBeNull();
    expect(optimizationOf(card, null, [])).toMatchObject({ base: { id: null, version: "0.1.0" }, heldOut: null });
  });
});
