"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import type { ReviewPurpose, StudyReviewDto } from "@/lib/schemas/review";

// Without a purpose the server picks the role's default (primary for readers, annotation for annotators).
export const reviewQueryKey = (studyId: string, purpose?: ReviewPurpose) => ["study-review", studyId, purpose ?? "default"] as const;
export const reviewUrl = (studyId: string, purpose?: ReviewPurpose, suffix = "") =>
  `/api/v1/studies/${encodeURIComponent(studyId)}/review${suffix}${purpose ? `?purpose=${purpose}` : ""}`;

/** The reader's review state and the AI findings; polls while the study still waits for its prediction, unless the
 * live event stream (use-study-events) is connected and refetches it when a prediction lands. */
export function useStudyReview(studyId: string, purpose?: ReviewPurpose, live = false) {
  return useQuery({
    queryKey: reviewQueryKey(studyId, purpose),
    queryFn: () => fetchJson<StudyReviewDto>(reviewUrl(studyId, purpose)),
    refetchInterval: (q) => (!live && q.state.data?.studyStatus === "new" ? 3000 : false),
    refetchOnWindowFocus: false, // a focus refetch must not race an autosave; conflicts are caught by version instead
  });
}
