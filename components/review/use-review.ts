"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import type { StudyReviewDto } from "@/lib/schemas/review";

export const reviewQueryKey = (studyId: string) => ["study-review", studyId] as const;
export const reviewUrl = (studyId: string) => `/api/v1/studies/${encodeURIComponent(studyId)}/review`;

/** The reader's review state and the AI findings; polls while the study still waits for its prediction. */
export function useStudyReview(studyId: string) {
  return useQuery({
    queryKey: reviewQueryKey(studyId),
    queryFn: () => fetchJson<StudyReviewDto>(reviewUrl(studyId)),
    refetchInterval: (q) => (q.state.data?.studyStatus === "new" ? 3000 : false),
    refetchOnWindowFocus: false, // a focus refetch must not race an autosave; conflicts are caught by version instead
  });
}
