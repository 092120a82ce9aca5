"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { api } from "@/lib/api-client/web";
import { PacsPullListResponse, PacsPullsRequestedResponse } from "@/lib/api-client/responses";
import type { PacsPullDto } from "@/lib/schemas/pacs";

const active = (p: PacsPullDto) => p.state === "queued" || p.state === "running";

// Recent pulls of a connection, polled while any is under way; a finished pull refreshes the worklist.
export function usePacsPulls(connectionId: string) {
  const qc = useQueryClient();
  const pulls = useQuery({
    queryKey: ["pacs-pulls", connectionId],
    queryFn: () => api(PacsPullListResponse, "/api/v1/pacs/pulls", { query: { connectionId, limit: 20 } }),
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
    mutationFn: (studyInstanceUids: string[]) =>
      api(PacsPullsRequestedResponse, `/api/v1/pacs/connections/${encodeURIComponent(connectionId)}/pulls`, {
        json: { studyInstanceUids },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["pacs-pulls", connectionId] }),
  });
  return { pulls, pull };
}
