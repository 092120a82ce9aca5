"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client/web";
import { PacsConnectionListResponse, PacsConnectionResponse, PacsTestResponse } from "@/lib/api-client/responses";

const KEY = ["pacs-connections"];

// The admin's PACS connections and the calls that change them; every change refreshes the list.
export function usePacsConnections() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: KEY });
  const list = useQuery({ queryKey: KEY, queryFn: () => api(PacsConnectionListResponse, "/api/v1/pacs/connections") });
  const save = useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Record<string, unknown> }) =>
      api(PacsConnectionResponse, id ? `/api/v1/pacs/connections/${encodeURIComponent(id)}` : "/api/v1/pacs/connections", {
        method: id ? "PATCH" : "POST",
        json: body,
      }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(z.null(), `/api/v1/pacs/connections/${encodeURIComponent(id)}`, { method: "DELETE" }).catch(() => null),
    onSuccess: refresh,
  });
  const test = useMutation({
    mutationFn: (id: string) =>
      api(PacsTestResponse, `/api/v1/pacs/connections/${encodeURIComponent(id)}/test`, { method: "POST" }).then((r) => ({
        id,
        result: r.result,
      })),
    onSuccess: refresh,
  });
  return { list, save, remove, test };
}
