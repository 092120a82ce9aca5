"use client";

import { useQuery } from "@tanstack/react-query";
import { ErrorText } from "@/components/ui/field";
import { fetchJson } from "@/lib/http/fetch-json";
import type { AuditEventDto } from "@/lib/schemas/audit";

export function AuditTable() {
  const q = useQuery({ queryKey: ["audit"], queryFn: () => fetchJson<{ events: AuditEventDto[] }>("/api/v1/audit?limit=200") });
  if (q.isPending) return <p className="text-slate-400">Loading…</p>;
  if (q.isError) return <ErrorText>{q.error.message}</ErrorText>;
  return (
    <table className="w-full text-left text-sm" data-testid="audit-table">
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
            <td>{e.actorEmail ?? "system"}</td>
            <td className="font-mono">{e.action}</td>
            <td className="font-mono text-slate-400">{e.targetType ? `${e.targetType}:${e.targetId}` : ""}</td>
            <td className="font-mono text-xs text-slate-400">{e.details ? JSON.stringify(e.details) : ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
