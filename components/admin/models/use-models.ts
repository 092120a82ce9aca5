"use client";

import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client/web";
import {
  EvaluationRequestedSchema,
  ModelResponseSchema,
  RegistryViewSchema,
  RollbackResponseSchema,
  type RegistryView,
} from "@/lib/schemas/model-registry";

export const MODELS_KEY = ["model-registry"];
const evaluating = (r: RegistryView | undefined) => r?.models.some((m) => m.evaluation && ["queued", "running"].includes(m.evaluation.status)) ?? false;
const Registered = z.object({ model: z.looseObject({ id: z.string(), name: z.string(), version: z.string() }), evaluationId: z.string() });

/** The model registry (admin): every version with its stage, latest evaluation and history; `poll` while one evaluates. */
// `awaitingOptimizationOf`: versions whose INT8 sibling is being made (poll until it is registered).
export function useModelRegistry({ poll = false, awaitingOptimizationOf = [] }: { poll?: boolean; awaitingOptimizationOf?: readonly string[] } = {}) {
  return useQuery({
    queryKey: MODELS_KEY,
    queryFn: () => api(RegistryViewSchema, "/api/v1/models"),
    refetchInterval: (q) => {
      const awaited = awaitingOptimizationOf.some((id) => !q.state.data?.models.some((m) => m.optimization?.base.id === id));
      return poll && (evaluating(q.state.data) || awaited) ? 1500 : false;
    },
  });
}

const model = (id: string) => `/api/v1/models/${encodeURIComponent(id)}`;

// The registry's actions; the caller refreshes the registry when one succeeds.
export const modelActions = {
  changeStage: (id: string, body: { to: string; canaryShare?: number; overrideReason?: string }) => api(ModelResponseSchema, `${model(id)}/stage`, { json: body }),
  rollback: (id: string) => api(RollbackResponseSchema, `${model(id)}/rollback`, { json: {} }),
  reEvaluate: (id: string) => api(EvaluationRequestedSchema, `${model(id)}/evaluations`, { method: "POST" }),
  upload: (form: FormData) => api(Registered, "/api/v1/models", { body: form }),
};
