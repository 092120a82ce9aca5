"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { api } from "@/lib/api-client/web";
import { PacsPullSchema, type PacsPullDto } from "@/lib/schemas/pacs";

const active = (p: PacsPullDto) => p.state === "queued" || p.state === "running";
const PullList = z.object({ pulls: z.array(PacsPullSchema) });
const Requested = z.object({ pulls: z.array(z.object({ studyInstanceUid: z.string(), pullId: z.string(), jobId: z.string(), alreadyRunning: z.boolean() })) });

// Recent pulls of a connection, polled while any is under way; a finished pull refreshes the worklist.
export function usePacsPulls(connectionId: string) {
  const qc = useQueryClient();
  const pulls = useQuery({
    queryKey: ["pacs-pulls", connectionId],
    queryFn: () => api(PullList, "/api/v1/pacs/pulls", { query: { connectionId, limit: 20 } }),
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
    mutationFn: (studyInstanceUids: string[]) => api(Requested, `/api/v1/pacs/connections/${encodeURIComponent(connectionId)}/pulls`, { json: { studyInstanceUids } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["pacs-pulls", connectionId] }),
  });
  return { pulls, pull };
}
