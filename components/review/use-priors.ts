"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import type { PriorComparisonDto, PriorsDto } from "@/lib/schemas/prior";

const base = (studyId: string) => `/api/v1/studies/${encodeURIComponent(studyId)}/priors`;

/** The same patient's studies, the current one marked. */
export function usePriors(studyId: string) {
  return useQuery({ queryKey: ["priors", studyId], queryFn: () => fetchJson<PriorsDto>(base(studyId)), refetchOnWindowFocus: false });
}

/** Both films with their lung fields and the prior's final boxes. */
export function usePriorComparison(studyId: string, priorId: string) {
  return useQuery({
    queryKey: ["priors", studyId, priorId],
    queryFn: () => fetchJson<PriorComparisonDto>(`${base(studyId)}/${encodeURIComponent(priorId)}`),
    refetchOnWindowFocus: false,
  });
}
