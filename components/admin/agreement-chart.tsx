"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AgreementReportDto } from "@/lib/schemas/double-reading";

const AXIS = { stroke: "#64748b", fontSize: 12 };
const TOOLTIP = { contentStyle: { background: "#0f172a", border: "1px solid #334155" }, labelStyle: { color: "#cbd5e1" } };

// Per class: boxes both readers drew (matched at the IoU threshold) and boxes only one of them drew.
export function AgreementChart({ perClass }: { perClass: AgreementReportDto["perClass"] }) {
  if (perClass.length === 0) return <p className="text-sm text-slate-400">No boxes in completed double reads yet.</p>;
  return (
    <div className="h-72 max-w-4xl" data-testid="agreement-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={perClass} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#1e293b" />
          <XAxis dataKey="className" {...AXIS} />
          <YAxis allowDecimals={false} {...AXIS} />
          <Tooltip {...TOOLTIP} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="matched" name="matched (both readers)" stackId="n" fill="#34d399" isAnimationActive={false} />
          <Bar dataKey="onlyA" name="only reader A" stackId="n" fill="#38bdf8" isAnimationActive={false} />
          <Bar dataKey="onlyB" name="only reader B" stackId="n" fill="#f472b6" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
