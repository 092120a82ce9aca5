"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ModelRow } from "@/components/admin/models/model-row";
import { ModelUploadForm } from "@/components/admin/models/model-upload-form";
import { PerformanceCharts } from "@/components/admin/models/performance-charts";
import { ErrorText } from "@/components/ui/field";
import { useModelRegistry } from "@/components/admin/models/use-models";

export function ModelRegistry() {
  const qc = useQueryClient();
  const [optimizing, setOptimizing] = useState<string[]>([]); // versions whose INT8 sibling is being made
  // Evaluations and INT8 versions are made in the background: poll while one is queued or running.
  const q = useModelRegistry({ poll: true, awaitingOptimizationOf: optimizing });
  const refresh = () => void qc.invalidateQueries();
  const rollbacks = q.data?.automaticRollbacks ?? [];
  return (
    <div className="space-y-6">
      {rollbacks.length > 0 && (
        <div role="alert" className="rounded border border-amber-700 bg-amber-950 px-4 py-3 text-sm text-amber-100" data-testid="canary-rollback-banner">
          {rollbacks.map((r) => (
            <p key={r.id}>
              {new Date(r.at).toLocaleString()}: canary {r.name} {r.version} was rolled back automatically — {r.reason}
            </p>
          ))}
        </div>
      )}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Register a model</h2>
        <ModelUploadForm onUploaded={refresh} />
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Versions</h2>
        {q.isError && <ErrorText>{q.error.message}</ErrorText>}
        <table className="w-full text-sm" data-testid="model-table">
          <thead className="text-left text-slate-400">
            <tr>
              <th className="pr-3">Model</th>
              <th className="pr-3">Stage</th>
              <th className="pr-3">Evaluation (held-out signed-off reviews)</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {q.data?.models.map((m) => (
              <ModelRow key={m.id} model={m} onChanged={refresh} onOptimizeQueued={() => setOptimizing((ids) => [...ids, m.id])} />
            ))}
          </tbody>
        </table>
      </section>
      <PerformanceCharts />
    </div>
  );
}
