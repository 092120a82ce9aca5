"use client";

import type { DriftFeatureDto } from "@/lib/schemas/drift";

const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(3));

// The latest computation's features, most drifting first; a row click selects the feature for the histogram.
export function DriftFeatureTable({
  features,
  selected,
  onSelect,
}: {
  features: DriftFeatureDto[];
  selected: string | null;
  onSelect: (feature: string) => void;
}) {
  if (features.length === 0) return <p className="text-sm text-slate-400">No drift computed yet.</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="drift-feature-table">
      <thead className="text-slate-400">
        <tr>
          <th className="py-2">Feature</th>
          <th>Kind</th>
          <th>PSI</th>
          <th>KS D (p)</th>
          <th>n ref / cur</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {features.map((f) => {
          const psi = f.metrics.find((m) => m.metric === "psi");
          const ks = f.metrics.find((m) => m.metric === "ks");
          return (
            <tr
              key={f.feature}
              onClick={() => onSelect(f.feature)}
              className={`cursor-pointer border-t border-slate-800 hover:bg-slate-900 ${f.feature === selected ? "bg-slate-900" : ""}`}
              data-testid={`drift-row-${f.feature}`}
            >
              <td className="py-1.5 font-mono">{f.feature}</td>
              <td className="text-slate-400">{f.kind}</td>
              <td className={psi?.alert ? "text-rose-400" : ""}>{psi ? fmt(psi.score) : "—"}</td>
              <td className={ks?.alert ? "text-rose-400" : ""}>
                {ks ? `${fmt(ks.score)} (${ks.pValue === undefined ? "—" : ks.pValue.toExponential(1)})` : "—"}
              </td>
              <td className="text-slate-400">{`${f.referenceCount} / ${f.currentCount}`}</td>
              <td>
                {f.alert ? (
                  <span className="text-rose-400">alert</span>
                ) : f.insufficientData ? (
                  <span className="text-amber-400">too few values</span>
                ) : (
                  <span className="text-emerald-400">stable</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
