"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";

// Admins queue the AI again for a study whose prediction failed; the row goes back to "New" until the worker is done.
export function RerunPredictionButton({ studyId }: { studyId: string }) {
  const qc = useQueryClient();
  const rerun = useMutation({
    mutationFn: () => fetchJson<{ jobId: string }>(`/api/v1/studies/${studyId}/predict`, { method: "POST" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["worklist"] }),
  });
  return (
    <span className="ml-2 inline-flex items-center gap-1">
      <button
        type="button"
        onClick={() => rerun.mutate()}
        disabled={rerun.isPending}
        className="rounded border border-slate-600 px-2 py-0.5 text-xs hover:border-slate-400 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-400 disabled:opacity-50"
        data-testid="rerun-prediction"
      >
        {rerun.isPending ? "Queuing…" : "Re-run AI"}
      </button>
      {rerun.isError && (
        <span role="alert" className="text-xs text-rose-400">
          {rerun.error.message}
        </span>
      )}
    </span>
  );
}
