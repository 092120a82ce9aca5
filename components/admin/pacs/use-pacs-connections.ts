"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import type { PacsConnectionDto, PacsTestResult } from "@/lib/schemas/pacs";

const KEY = ["pacs-connections"];

// The admin's PACS connections and the calls that change them; every change refreshes the list.
export function usePacsConnections() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: KEY });
  const list = useQuery({ queryKey: KEY, queryFn: () => fetchJson<{ connections: PacsConnectionDto[] }>("/api/v1/pacs/connections") });
  const save = useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Record<string, unknown> }) =>
      fetchJson<{ connection: PacsConnectionDto }>(id ? `/api/v1/pacs/connections/${id}` : "/api/v1/pacs/connections", { method: id ? "PATCH" : "POST", json: body }),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: (id: string) => fetchJson(`/api/v1/pacs/connections/${id}`, { method: "DELETE" }).catch(() => null), onSuccess: refresh });
  const test = useMutation({
    mutationFn: (id: string) => fetchJson<{ result: PacsTestResult }>(`/api/v1/pacs/connections/${id}/test`, { method: "POST" }).then((r) => ({ id, result: r.result })),
    onSuccess: refresh,
  });
  return { list, save, remove, test };
}
