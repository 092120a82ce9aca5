"use client";

import { ErrorText } from "@/components/ui/field";
import { useAudit } from "@/components/admin/use-audit";

export function AuditTable() {
  const q = useAudit({ limit: 200 });
  if (q.isPending) return <p className="text-slate-400">Loading…</p>;
  if (q.isError) return <ErrorText>{q.error.message}</ErrorText>;
  if (q.data.events.length === 0) return <p className="text-slate-400">No events yet.</p>;
  // Fixed layout with wrapping cells: long targets and JSON details stay inside the page instead of widening it.
  return (
    <table className="w-full table-fixed text-left text-sm [&_td]:pr-4 [&_th]:pr-4" data-testid="audit-table">
      <colgroup>
        <col className="w-48" />
        <col className="w-48" />
        <col className="w-56" />
        <col className="w-72" />
        <col />
      </colgroup>
      <thead className="text-slate-400">
        <tr>
          <th className="py-2">When</th>
          <th>Who</th>
          <th>What</th>
          <th>Target</th>
          <th>Details</th>
        </tr>
      </thead>
      <tbody>
        {q.data.events.map((e) => (
          <tr key={e.id} className="border-t border-slate-800 align-top">
            <td className="py-1.5 whitespace-nowrap text-slate-400">{new Date(e.at).toLocaleString()}</td>
            <td className="break-words">{e.actorEmail ?? "system"}</td>
            <td className="break-words font-mono">{e.action}</td>
            <td className="break-all font-mono text-slate-400">{e.targetType ? `${e.targetType}:${e.targetId}` : ""}</td>
            <td className="break-all py-1.5 font-mono text-xs text-slate-400">{e.details ? JSON.stringify(e.details) : ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
