"use client";

import Link from "next/link";
import { ProgressBar } from "@/components/admin/progress-bar";
import type { TrainingRunDto } from "@/lib/schemas/training";

const f3 = (v: number | null | undefined) => (typeof v === "number" ? v.toFixed(3) : "n/a");

export function TrainingRunsTable({ runs }: { runs: TrainingRunDto[] }) {
  if (runs.length === 0) return <p className="text-slate-400">No training runs yet.</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="training-table">
      <thead className="text-slate-400">
        <tr>
          <th className="py-2">Started</th>
          <th>Parameters</th>
          <th>Status</th>
          <th>Validation (val split)</th>
          <th>Model</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr
            key={r.id}
            className="border-t border-slate-800 align-top"
            data-testid="training-row"
            data-run-id={r.id}
            data-status={r.status}
          >
            <td className="py-2">{new Date(r.createdAt).toLocaleString()}</td>
            <td>
              {`yolo11${r.params.modelSize} · ${r.params.epochs} ep · ${r.params.imageSize} px · batch ${r.params.batch}`}
              {r.params.nbs !== undefined && (
                <span
                  className="block text-xs text-slate-400"
                  data-testid="training-small-data"
                >{`nbs ${r.params.nbs} · warm-up ${r.params.warmupEpochs} ep · mosaic ${r.params.mosaic}`}</span>
              )}
            </td>
            <td>
              {r.status === "failed" ? (
                <details>
                  <summary className="cursor-pointer text-rose-400">failed: {r.error?.split("\n")[0]}</summary>
                  <pre className="mt-1 max-h-48 max-w-xl overflow-auto whitespace-pre-wrap text-xs text-slate-400">{r.error}</pre>
                </details>
              ) : r.status === "succeeded" ? (
                "done"
              ) : (
                <ProgressBar value={r.progress} label={r.progressMessage ?? r.status} testId="training-progress" />
              )}
            </td>
            <td>{r.metrics ? `mAP@0.5 ${f3(r.metrics.map50)} · mAP@0.4 ${f3(r.metrics.map40)}` : ""}</td>
            <td>
              {r.model && (
                <Link href={`/admin/models#${r.model.id}`} className="text-sky-400 underline" data-testid="training-model">
                  {`${r.model.name} ${r.model.version}`} ({r.model.stage})
                </Link>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
