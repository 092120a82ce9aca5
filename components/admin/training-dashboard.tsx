"use client";

import { TrainingForm } from "@/components/admin/training-form";
import { TrainingRunsTable } from "@/components/admin/training-runs-table";
import { ErrorText } from "@/components/ui/field";
import { useExports } from "@/components/admin/use-exports";
import { useTrainingRuns } from "@/components/admin/use-training-runs";

export function TrainingDashboard() {
  const runs = useTrainingRuns().list;
  const exports = useExports().list;
  const worker = runs.data?.worker;
  return (
    <div className="space-y-6">
      {worker && !worker.installed && (
        <div
          role="alert"
          className="rounded border border-amber-700 bg-amber-950 px-4 py-3 text-sm text-amber-200"
          data-testid="training-worker-missing"
        >
          {worker.reason}
        </div>
      )}
      <TrainingForm exports={exports.data?.exports ?? []} disabled={!worker?.installed} />
      {(runs.isError || exports.isError) && <ErrorText>{(runs.error ?? exports.error)?.message}</ErrorText>}
      {runs.isPending ? <p className="text-slate-400">Loading…</p> : <TrainingRunsTable runs={runs.data?.runs ?? []} />}
    </div>
  );
}
