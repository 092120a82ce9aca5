"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import type { ReviewHistoryDto } from "@/lib/schemas/review";

/** A review's label revisions; keyed by the review version so every saved change refetches it. */
export function useReviewHistory(reviewId: string | undefined, version: number, enabled: boolean) {
  return useQuery({
    queryKey: ["review-history", reviewId, version],
    queryFn: () => fetchJson<ReviewHistoryDto>(`/api/v1/reviews/${encodeURIComponent(reviewId!)}/history`),
    enabled: enabled && !!reviewId,
    refetchOnWindowFocus: false,
  });
}
