"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiRequestError, fetchJson } from "@/lib/http/fetch-json";
import type { Impression, ReviewDto, ReviewPurpose, StudyReviewDto } from "@/lib/schemas/review";
import type { StudyDetail } from "@/lib/schemas/study";
import { reviewQueryKey, reviewUrl } from "./use-review";

// Sends whatever is queued first, then signs off at the version that produced.
export type SaveHandle = { flushNow: () => Promise<boolean>; markConflict: () => void; applySignedOff: (r: ReviewDto) => void };

export function useSignOff(studyId: string, save: SaveHandle, purpose?: ReviewPurpose) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signOff(impression: Impression): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      if (!(await save.flushNow())) throw new Error("Your last changes could not be saved; sign-off was not sent.");
      const version = qc.getQueryData<StudyReviewDto>(reviewQueryKey(studyId, purpose))?.review?.version ?? 0;
      const res = await fetchJson<{ review: ReviewDto }>(reviewUrl(studyId, purpose, "/sign-off"), {
        method: "POST",
        json: { version, impression },
      });
      save.applySignedOff(res.review);
      // A primary sign-off signs the study off: the study panel beside the image says so without a reload.
      if (res.review.purpose === "primary")
        qc.setQueryData<StudyDetail>(["study", studyId], (old) => old && { ...old, study: { ...old.study, status: "signed_off" } });
      return true;
    } catch (e) {
      if (e instanceof ApiRequestError && e.status === 409) save.markConflict();
      setError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { signOff, busy, error, clearError: () => setError(null) };
}
