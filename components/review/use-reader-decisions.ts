"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import type { ReaderDecisionsDto } from "@/lib/schemas/review";

/** The signed-off reads' decisions on a study, for an annotation task's reference layer. */
export function useReaderDecisions(studyId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["reader-decisions", studyId],
    queryFn: () => fetchJson<ReaderDecisionsDto>(`/api/v1/studies/${encodeURIComponent(studyId)}/reader-decisions`),
    enabled,
    refetchOnWindowFocus: false,
  });
}
