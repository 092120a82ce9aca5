import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { registerDriftGauges } from "./drift-metrics";
import { inferenceMetrics } from "@/lib/metrics/inference-metrics";
import { metricsRegistry } from "@/lib/metrics/registry";

// deploy/ is configuration, not code: this keeps its metric names in step with what the app registers.
const read = (file: string) => fs.readFileSync(path.resolve("deploy", file), "utf8");

function metricNames(text: string): string[] {
  return [...new Set(text.match(/\bcxr_[a-z0-9_]+/g) ?? [])];
}

describe("deploy configuration", () => {
  it("scrapes the app's metrics route", () => {
    expect(read("prometheus.yml")).toMatch(/metrics_path: \/api\/metrics/);
  });

  it("refers only to metrics the app registers", () => {
    inferenceMetrics({ model: "m", version: "1" });
    registerDriftGauges();
    const registered = new Set(
      metricsRegistry()
        .getMetricsAsArray()
        .map((m) => m.name),
    );
    const used = [...metricNames(read("grafana-dashboard.json")), ...metricNames(read("prometheus-rules.yml"))];
    const base = (name: string) => (registered.has(name) ? name : name.replace(/_(bucket|sum|count)$/, ""));
    expect(used.filter((n) => !registered.has(base(n)))).toEqual([]);
    expect(used).toEqual(
      expect.arrayContaining([
        "cxr_drift_score",
        "cxr_drift_alert",
        "cxr_inference_seconds_bucket",
        "cxr_inference_batch_size_bucket",
        "cxr_inference_queue_depth",
      ]),
    );
  });

  it("is a Grafana dashboard with the four panel groups", () => {
    const dash = JSON.parse(read("grafana-dashboard.json")) as { panels: { title: string; targets?: { expr: string }[] }[] };
    const titles = dash.panels.map((p) => p.title).join(" | ");
    for (const t of ["latency", "Batch size", "queue depth", "Drift score"]) expect(titles).toContain(t);
    for (const p of dash.panels) for (const t of p.targets ?? []) expect(t.expr.length).toBeGreaterThan(0);
  });
});
