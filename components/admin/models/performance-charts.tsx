"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ErrorText } from "@/components/ui/field";
import { usePerformance } from "@/components/admin/models/use-performance";
import type { PerformanceReport } from "@/lib/schemas/model-registry";
import { seriesByDay, versionLabel } from "@/lib/performance/performance-views";

const PALETTE = ["#34d399", "#fbbf24", "#38bdf8", "#f472b6", "#c084fc", "#94a3b8"];
const AXIS = { stroke: "#64748b", fontSize: 12 };
const TOOLTIP = { contentStyle: { background: "#0f172a", border: "1px solid #334155" }, labelStyle: { color: "#cbd5e1" } };
const pct = (v: number | null) => (v === null ? "–" : `${(v * 100).toFixed(1)} %`);

function DayChart({ report, metric, title, percent }: { report: PerformanceReport; metric: "acceptanceRate" | "rejectedPerImage" | "addedPerImage"; title: string; percent?: boolean }) {
  const data = seriesByDay(report.versions, metric);
  return (
    <div className="space-y-1">
      <h3 className="text-sm text-slate-300">{title}</h3>
      <div className="h-56" data-testid={`performance-chart-${metric}`}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid stroke="#1e293b" />
            <XAxis dataKey="day" {...AXIS} />
            <YAxis {...AXIS} domain={percent ? [0, 1] : [0, "auto"]} tickFormatter={(v) => (percent ? `${Math.round(Number(v) * 100)}%` : String(v))} />
            <Tooltip {...TOOLTIP} formatter={(v) => (percent ? pct(Number(v)) : Number(v).toFixed(2))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {report.versions.map((v, i) => (
              <Line key={v.versionId} dataKey={v.versionId} name={versionLabel(v)} stroke={PALETTE[i % PALETTE.length]} dot connectNulls isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

// How readers judge each version's boxes: acceptance, rejected (false positives) and added (misses) per image, per day.
export function PerformanceCharts() {
  const q = usePerformance(30);
  const report = q.data;
  return (
    <section className="space-y-3" data-testid="performance-section">
      <h2 className="text-lg font-semibold">Live performance from reader verdicts (30 days)</h2>
      {q.isError && <ErrorText>{q.error.message}</ErrorText>}
      {report && (
        <p className="text-xs text-slate-400" data-testid="canary-rule">
          Canary rule {report.rule.enabled ? "on" : "off"}: roll back when a canary&apos;s acceptance rate is more than {pct(report.rule.maxAcceptanceDrop)} below production&apos;s over at least{" "}
          {report.rule.minReviewedStudies} reviewed studies each.
        </p>
      )}
      {report && report.versions.length === 0 && <p className="text-sm text-slate-400">No signed-off reviews in the last 30 days.</p>}
      {report && report.versions.length > 0 && (
        <>
          <table className="text-sm" data-testid="performance-table">
            <thead className="text-slate-400">
              <tr>
                <th className="pr-4 text-left">Version</th>
                <th className="pr-4">Studies</th>
                <th className="pr-4">AI boxes shown</th>
                <th className="pr-4">Accepted</th>
                <th className="pr-4">Rejected / image</th>
                <th>Added / image</th>
              </tr>
            </thead>
            <tbody className="text-center font-mono">
              {report.versions.map((v) => (
                <tr key={v.versionId} data-testid="performance-row">
                  <td className="pr-4 text-left font-sans">
                    {versionLabel(v)} <span className="text-xs text-slate-400">({v.stage})</span>
                  </td>
                  <td className="pr-4">{v.total.studies}</td>
                  <td className="pr-4">{v.total.shown}</td>
                  <td className="pr-4">{pct(v.total.acceptanceRate)}</td>
                  <td className="pr-4">{v.total.rejectedPerImage?.toFixed(2) ?? "–"}</td>
                  <td>{v.total.addedPerImage?.toFixed(2) ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="grid gap-6 lg:grid-cols-3">
            <DayChart report={report} metric="acceptanceRate" title="Acceptance rate of AI boxes" percent />
            <DayChart report={report} metric="rejectedPerImage" title="Rejected boxes per image" />
            <DayChart report={report} metric="addedPerImage" title="Reader-added boxes per image" />
          </div>
        </>
      )}
    </section>
  );
}
