"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import type { PacsPushDto } from "@/lib/schemas/pacs-push";

const url = (studyId: string) => `/api/v1/studies/${encodeURIComponent(studyId)}/pacs-pushes`;
const key = (studyId: string) => ["pacs-pushes", studyId] as const;
const ACTIVE = new Set(["queued", "sending", "retrying"]);

/** Where the signed-off results went, per PACS destination; polls while a push is still under way. */
export function usePacsPushes(studyId: string) {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: key(studyId),
    queryFn: async () => (await fetchJson<{ pushes: PacsPushDto[] }>(url(studyId))).pushes,
    refetchInterval: (q) => (!q.state.data || q.state.data.some((p) => ACTIVE.has(p.state)) ? 2000 : false),
  });
  const send = useMutation({
    mutationFn: async (connectionId?: string) =>
      (await fetchJson<{ pushes: PacsPushDto[] }>(url(studyId), { method: "POST", json: connectionId ? { connectionId } : {} })).pushes,
    onSuccess: (pushes) => qc.setQueryData(key(studyId), pushes),
  });
  return { query, send };
}
