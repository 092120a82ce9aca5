"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client/web";
import { AssignmentListResponse, AutoAssignResponse } from "@/lib/api-client/responses";
import { CreatedAssignmentsSchema, type AssignmentStatus, type CreateAssignmentsBody } from "@/lib/schemas/assignment";
import { WorklistPageSchema } from "@/lib/schemas/study";

const KEY = ["assignments"];

/** Annotation and double-read tasks (admin): the list by status (refreshed every 2 s until `watchUntil`), and the calls that change it. */
export function useAssignments(status: AssignmentStatus, { watchUntil = 0 }: { watchUntil?: number } = {}) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: KEY });
  const list = useQuery({
    queryKey: [...KEY, status],
    queryFn: () => api(AssignmentListResponse, "/api/v1/assignments", { query: { status } }),
    refetchInterval: () => (Date.now() < watchUntil ? 2000 : false),
  });
  const cancel = useMutation({
    mutationFn: (id: string) => api(z.unknown(), `/api/v1/assignments/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  const auto = useMutation({ mutationFn: () => api(AutoAssignResponse, "/api/v1/assignments/auto", { json: {} }) });
  return { list, cancel, auto };
}

/** Creating tasks, and the recent studies an admin picks them from. */
export function useAssignTasks() {
  const qc = useQueryClient();
  const studies = useQuery({
    queryKey: ["assign-studies"],
    queryFn: () => api(WorklistPageSchema, "/api/v1/studies", { query: { pageSize: 100 } }),
  });
  const create = useMutation({
    mutationFn: (body: CreateAssignmentsBody) => api(CreatedAssignmentsSchema, "/api/v1/assignments", { json: body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
  return { studies, create };
}
