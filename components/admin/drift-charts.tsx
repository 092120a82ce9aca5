"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ScorePoint } from "@/lib/drift/snapshot-views";
import type { DriftFeatureDto } from "@/lib/schemas/drift";

const PALETTE = [
  "#38bdf8",
  "#f472b6",
  "#a3e635",
  "#fbbf24",
  "#c084fc",
  "#34d399",
  "#fb7185",
  "#60a5fa",
  "#facc15",
  "#2dd4bf",
  "#f97316",
  "#e879f9",
  "#4ade80",
  "#94a3b8",
  "#818cf8",
];
const AXIS = { stroke: "#64748b", fontSize: 12 };
const TOOLTIP = { contentStyle: { background: "#0f172a", border: "1px solid #334155" }, labelStyle: { color: "#cbd5e1" } };
const shortTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });

// Each feature's score over the stored computations; the selected feature is drawn bold, the threshold dashed.
export function DriftScoreChart({
  series,
  features,
  selected,
  threshold,
}: {
  series: ScorePoint[];
  features: string[];
  selected: string | null;
  threshold: number;
}) {
  if (series.length === 0) return <p className="text-sm text-slate-400">No snapshots yet: compute drift to start the history.</p>;
  return (
    <div className="h-72" data-testid="drift-score-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={series} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#1e293b" />
          <XAxis dataKey="at" tickFormatter={shortTime} {...AXIS} />
          <YAxis {...AXIS} />
          <Tooltip {...TOOLTIP} labelFormatter={(v) => shortTime(String(v))} formatter={(v) => Number(v).toFixed(3)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine y={threshold} stroke="#f43f5e" strokeDasharray="4 4" label={{ value: "alert", fill: "#f43f5e", fontSize: 11 }} />
          {features.map((f, i) => (
            <Line
              key={f}
              dataKey={f}
              type="linear"
              stroke={PALETTE[i % PALETTE.length]}
              strokeWidth={f === selected ? 3 : 1}
              strokeOpacity={selected && f !== selected ? 0.45 : 1}
              dot={f === selected}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

// Share of each window per bin (reference quantile bins for continuous features, categories otherwise).
export function DriftHistogramChart({ feature }: { feature: DriftFeatureDto | undefined }) {
  if (!feature || feature.bins.length === 0) return <p className="text-sm text-slate-400">Select a feature to compare its histograms.</p>;
  const data = feature.bins.map((b) => ({ ...b, reference: b.reference * 100, current: b.current * 100 }));
  return (
    <div className="h-72" data-testid="drift-histogram">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#1e293b" />
          <XAxis dataKey="label" {...AXIS} interval={0} angle={-20} textAnchor="end" height={50} />
          <YAxis {...AXIS} unit="%" />
          <Tooltip {...TOOLTIP} formatter={(v) => `${Number(v).toFixed(1)} %`} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="reference" name={`reference (n=${feature.referenceCount})`} fill="#64748b" isAnimationActive={false} />
          <Bar dataKey="current" name={`current (n=${feature.currentCount})`} fill="#38bdf8" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
