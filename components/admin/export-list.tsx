"use client";

import { ProgressBar } from "@/components/admin/progress-bar";
import type { ExportDto } from "@/lib/schemas/export";

const splitText = (e: ExportDto) =>
  e.summary
    ? (["train", "val"] as const)
        .map((p) => `${p} ${e.summary!.splits[p].images} img · ${e.summary!.splits[p].boxes} boxes · ${e.summary!.splits[p].patients} pt`)
        .join(" | ")
    : "";

const heldOutText = (e: ExportDto) => {
  const h = e.summary?.heldOut;
  if (!h) return "";
  return h.included ? "held-out patients included" : `held-out excluded: ${h.excludedStudies} studies · ${h.excludedImages} img`;
};

export function ExportList({ exports }: { exports: ExportDto[] }) {
  if (exports.length === 0) return <p className="text-slate-400">No exports yet.</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="export-table">
      <thead className="text-slate-400">
        <tr>
          <th className="py-2">Started</th>
          <th>Format</th>
          <th>Status</th>
          <th>Images / boxes</th>
          <th>Split</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {exports.map((e) => (
          <tr
            key={e.id}
            className="border-t border-slate-800 align-top"
            data-testid="export-row"
            data-export-id={e.id}
            data-status={e.status}
          >
            <td className="py-2">{new Date(e.createdAt).toLocaleString()}</td>
            <td>{e.format}</td>
            <td>
              {e.status === "failed" ? (
                <span className="text-rose-400" title={e.error ?? ""}>
                  failed: {e.error}
                </span>
              ) : e.status === "succeeded" ? (
                "done"
              ) : (
                <ProgressBar value={e.progress} label={e.progressMessage ?? e.status} testId="export-progress" />
              )}
            </td>
            <td>{e.status === "succeeded" ? `${e.imageCount} / ${e.boxCount}` : ""}</td>
            <td className="text-xs text-slate-400">
              {splitText(e)}
              {e.summary?.heldOut && (
                <div data-testid="export-held-out" className={e.summary.heldOut.included ? "text-amber-400" : undefined}>
                  {heldOutText(e)}
                </div>
              )}
            </td>
            <td>
              {e.downloadUrl && (
                <a href={e.downloadUrl} className="text-sky-400 underline" data-testid="export-download" download>
                  Download zip ({((e.sizeBytes ?? 0) / 1e6).toFixed(1)} MB)
                </a>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
