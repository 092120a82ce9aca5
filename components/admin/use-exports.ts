"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client/web";
import { ExportListSchema, ExportResponseSchema, type CreateExportBody, type ExportDto } from "@/lib/schemas/export";

export const EXPORTS_KEY = ["exports"];
const active = (e: ExportDto) => e.status === "queued" || e.status === "running";

/** Dataset exports (admin); `poll` refreshes every second while one is queued or running. Creating one refreshes the list. */
export function useExports({ poll = false }: { poll?: boolean } = {}) {
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: EXPORTS_KEY,
    queryFn: () => api(ExportListSchema, "/api/v1/exports"),
    refetchInterval: (q) => (poll && q.state.data?.exports.some(active) ? 1000 : false),
  });
  const create = useMutation({
    mutationFn: (body: CreateExportBody) => api(ExportResponseSchema, "/api/v1/exports", { json: body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: EXPORTS_KEY }),
  });
  return { list, create };
}
