"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { TrainingForm } from "@/components/admin/training-form";
import { TrainingRunsTable } from "@/components/admin/training-runs-table";
import { ErrorText } from "@/components/ui/field";
import { fetchJson } from "@/lib/http/fetch-json";
import type { ExportDto } from "@/lib/schemas/export";
import type { TrainingRunDto } from "@/lib/schemas/training";

const KEY = ["training-runs"];
type RunsResponse = { runs: TrainingRunDto[]; worker: { installed: boolean; reason: string | null } };

export function TrainingDashboard() {
  const qc = useQueryClient();
  const runs = useQuery({
    queryKey: KEY,
    queryFn: () => fetchJson<RunsResponse>("/api/v1/training-runs"),
    refetchInterval: (q) => (q.state.data?.runs.some((r) => r.status === "queued" || r.status === "running") ? 2000 : false),
  });
  const exports = useQuery({ queryKey: ["exports"], queryFn: () => fetchJson<{ exports: ExportDto[] }>("/api/v1/exports") });
  const worker = runs.data?.worker;
  return (
    <div className="space-y-6">
      {worker && !worker.installed && (
        <div role="alert" className="rounded border border-amber-700 bg-amber-950 px-4 py-3 text-sm text-amber-200" data-testid="training-worker-missing">
          {worker.reason}
        </div>
      )}
      <TrainingForm exports={exports.data?.exports ?? []} disabled={!worker?.installed} onCreated={() => void qc.invalidateQueries({ queryKey: KEY })} />
      {(runs.isError || exports.isError) && <ErrorText>{(runs.error ?? exports.error)?.message}</ErrorText>}
      {runs.isPending ? <p className="text-slate-400">Loading…</p> : <TrainingRunsTable runs={runs.data?.runs ?? []} />}
    </div>
  );
}
