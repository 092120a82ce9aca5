"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ExportForm } from "@/components/admin/export-form";
import { ExportList } from "@/components/admin/export-list";
import { ErrorText } from "@/components/ui/field";
import { fetchJson } from "@/lib/http/fetch-json";
import type { ExportDto } from "@/lib/schemas/export";

const KEY = ["exports"];
const active = (e: ExportDto) => e.status === "queued" || e.status === "running";

export function ExportsDashboard() {
  const qc = useQueryClient();
  // Polls every second while an export is queued or running, so the progress bars move; idle otherwise.
  const list = useQuery({
    queryKey: KEY,
    queryFn: () => fetchJson<{ exports: ExportDto[] }>("/api/v1/exports"),
    refetchInterval: (q) => (q.state.data?.exports.some(active) ? 1000 : false),
  });
  return (
    <div className="space-y-6">
      <ExportForm onCreated={() => void qc.invalidateQueries({ queryKey: KEY })} />
      {list.isError && <ErrorText>{list.error.message}</ErrorText>}
      {list.isPending ? <p className="text-slate-400">Loading…</p> : <ExportList exports={list.data?.exports ?? []} />}
    </div>
  );
}
