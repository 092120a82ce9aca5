"use client";

import { useEffect, useState } from "react";
import type { WorklistParams } from "@/components/studies/use-worklist-query";

const control = "rounded border border-slate-700 bg-slate-900 px-2 py-1 text-sm";

export function WorklistFilters({ params, update }: { params: WorklistParams; update: (p: Partial<WorklistParams>) => void }) {
  const [q, setQ] = useState(params.q);
  const [seen, setSeen] = useState(params.q);
  if (params.q !== seen) {
    // The URL changed from outside (back button, chip): adopt it (React's "adjust state on prop change" pattern).
    setSeen(params.q);
    setQ(params.q);
  }
  // Search applies after a short pause in typing, not on every key.
  useEffect(() => {
    if (q === params.q) return;
    const t = setTimeout(() => update({ q }), 300);
    return () => clearTimeout(t);
  }, [q, params.q, update]);

  return (
    <div className="flex flex-wrap items-end gap-3 text-sm">
      <label className="flex flex-col">
        <span className="text-slate-400">Accession or patient ID</span>
        <input
          value={q}
          onChange={(e) => setQ(e.target.value)}
          className={control}
          data-testid="worklist-search"
          placeholder="starts with…"
        />
      </label>
      <label className="flex flex-col">
        <span className="text-slate-400">Modality</span>
        <select
          value={params.modality}
          onChange={(e) => update({ modality: e.target.value })}
          className={control}
          data-testid="worklist-modality"
        >
          <option value="">any</option>
          {["CR", "DX", "OT"].map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        <span className="text-slate-400">Study date from</span>
        <input type="date" value={params.from} onChange={(e) => update({ from: e.target.value })} className={control} />
      </label>
      <label className="flex flex-col">
        <span className="text-slate-400">to</span>
        <input type="date" value={params.to} onChange={(e) => update({ to: e.target.value })} className={control} />
      </label>
    </div>
  );
}
