"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client/web";
import { TrainingRunListSchema, TrainingRunResponseSchema, type CreateTrainingRunBody } from "@/lib/schemas/training";

const KEY = ["training-runs"];

/** Retraining runs (admin), polled while one is queued or running, and whether the training worker is installed. */
export function useTrainingRuns() {
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: KEY,
    queryFn: () => api(TrainingRunListSchema, "/api/v1/training-runs"),
    refetchInterval: (q) => (q.state.data?.runs.some((r) => r.status === "queued" || r.status === "running") ? 2000 : false),
  });
  const create = useMutation({
    mutationFn: (body: CreateTrainingRunBody) => api(TrainingRunResponseSchema, "/api/v1/training-runs", { json: body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
  return { list, create };
}
