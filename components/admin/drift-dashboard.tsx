"use client";

import { useState } from "react";
import { DriftHistogramChart, DriftScoreChart } from "@/components/admin/drift-charts";
import { DriftComputeForm } from "@/components/admin/drift-compute-form";
import { DriftFeatureTable } from "@/components/admin/drift-feature-table";
import { ErrorText, Select } from "@/components/ui/field";
import { KS_D_ALERT } from "@/lib/drift/ks";
import { PSI_ALERT } from "@/lib/drift/psi";
import { featureNames, latestFeatures, scoreSeries } from "@/lib/drift/snapshot-views";
import { useDrift } from "@/components/admin/use-drift";
import type { DriftMetric, DriftReportDto } from "@/lib/schemas/drift";

export function DriftDashboard() {
  const { history } = useDrift();
  const [report, setReport] = useState<DriftReportDto | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [metric, setMetric] = useState<DriftMetric>("psi");

  const snapshots = history.data?.snapshots ?? [];
  const features = report?.features ?? latestFeatures(snapshots); // a fresh report, else the newest stored computation
  const focus = selected ?? features[0]?.feature ?? null;
  const alerting = features.filter((f) => f.alert);

  return (
    <div className="space-y-6">
      <DriftComputeForm
        onReport={(r) => {
          setReport(r);
          setSelected(null);
        }}
      />
      {history.isError && <ErrorText>{history.error.message}</ErrorText>}
      {alerting.length > 0 && (
        <div
          role="alert"
          className="rounded border border-rose-700 bg-rose-950 px-4 py-3 text-sm text-rose-200"
          data-testid="drift-alert-banner"
        >
          Drift alert: {alerting.map((f) => f.feature).join(", ")} crossed a threshold (PSI &gt; {PSI_ALERT}, or KS D &gt; {KS_D_ALERT} with
          p &lt; 0.01).
          {report && report.webhook !== "not_configured" && (
            <span className="ml-2 text-rose-300">Webhook: {report.webhook.replace("_", " ")}.</span>
          )}
        </div>
      )}
      {report && (
        <p className="text-sm text-slate-400" data-testid="drift-report-summary">
          Reference: {report.reference.label} ({report.reference.predictions} predictions) · current:{" "}
          {new Date(report.current.from).toLocaleDateString()} –{" "}
          {new Date(Date.parse(report.current.to) - 1).toLocaleDateString() /* the end is exclusive */} ({report.current.predictions}{" "}
          predictions)
        </p>
      )}
      <section className="space-y-2">
        <div className="flex items-center gap-3">
          <h2 className="text-lg font-semibold">Score history</h2>
          <div className="w-40">
            <Select
              value={metric}
              onChange={(e) => setMetric(e.target.value === "ks" ? "ks" : "psi")}
              aria-label="Metric"
              data-testid="drift-metric"
            >
              <option value="psi">PSI</option>
              <option value="ks">KS D</option>
            </Select>
          </div>
        </div>
        {history.isPending ? (
          <p className="text-slate-400">Loading…</p>
        ) : (
          <DriftScoreChart
            series={scoreSeries(snapshots, metric)}
            features={featureNames(snapshots.filter((s) => s.metric === metric))}
            selected={focus}
            threshold={metric === "psi" ? PSI_ALERT : KS_D_ALERT}
          />
        )}
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">Top drifting features</h2>
          <DriftFeatureTable features={features} selected={focus} onSelect={setSelected} />
        </section>
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">{focus ? `Reference vs current: ${focus}` : "Reference vs current"}</h2>
          <DriftHistogramChart feature={features.find((f) => f.feature === focus)} />
        </section>
      </div>
    </div>
  );
}
