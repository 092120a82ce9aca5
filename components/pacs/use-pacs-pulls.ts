"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { fetchJson } from "@/lib/http/fetch-json";
import type { PacsPullDto } from "@/lib/schemas/pacs";

const active = (p: PacsPullDto) => p.state === "queued" || p.state === "running";

// Recent pulls of a connection, polled while any is under way; a finished pull refreshes the worklist.
export function usePacsPulls(connectionId: string) {
  const qc = useQueryClient();
  const pulls = useQuery({
    queryKey: ["pacs-pulls", connectionId],
    queryFn: () => fetchJson<{ pulls: PacsPullDto[] }>(`/api/v1/pacs/pulls?connectionId=${encodeURIComponent(connectionId)}&limit=20`),
    enabled: Boolean(connectionId),
    refetchInterval: (q) => (q.state.data?.pulls.some(active) ? 1000 : false),
  });
  const finished = pulls.data?.pulls.filter((p) => p.state === "succeeded").length ?? 0;
  const seen = useRef(finished);
  useEffect(() => {
    if (finished !== seen.current) void qc.invalidateQueries({ queryKey: ["worklist"] });
    seen.current = finished;
  }, [finished, qc]);
  const pull = useMutation({
    mutationFn: (studyInstanceUids: string[]) => fetchJson(`/api/v1/pacs/connections/${connectionId}/pulls`, { method: "POST", json: { studyInstanceUids } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["pacs-pulls", connectionId] }),
  });
  return { pulls, pull };
}
