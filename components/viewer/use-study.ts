"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import type { StudyDetail } from "@/lib/schemas/study";
import { neighboursUrl, type NeighboursDto } from "@/lib/viewer/study-links";

export function useStudy(studyId: string) {
  return useQuery({
    queryKey: ["study", studyId],
    queryFn: () => fetchJson<StudyDetail>(`/api/v1/studies/${encodeURIComponent(studyId)}`),
  });
}

/** Previous/next study in the worklist order given by its query string. */
export function useNeighbours(studyId: string, worklistQuery: string) {
  return useQuery({
    queryKey: ["study-neighbours", studyId, worklistQuery],
    queryFn: () => fetchJson<NeighboursDto>(neighboursUrl(studyId, worklistQuery)),
  });
}
