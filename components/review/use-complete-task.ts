"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiRequestError, fetchJson } from "@/lib/http/fetch-json";
import type { AssignmentDto } from "@/lib/schemas/assignment";
import type { ReviewDto, ReviewPurpose, StudyReviewDto } from "@/lib/schemas/review";
import { reviewQueryKey } from "./use-review";
import type { SaveHandle } from "./use-sign-off";

// "Complete task": saves whatever is queued, then completes the annotation task at the version that produced.
export function useCompleteTask(studyId: string, taskId: string | undefined, save: SaveHandle, purpose?: ReviewPurpose) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function complete(): Promise<boolean> {
    if (!taskId) return false;
    setBusy(true);
    setError(null);
    try {
      if (!(await save.flushNow())) throw new Error("Your last changes could not be saved; the task was not completed.");
      const version = qc.getQueryData<StudyReviewDto>(reviewQueryKey(studyId, purpose))?.review?.version ?? 0;
      const res = await fetchJson<{ assignment: AssignmentDto; review: ReviewDto }>(
        `/api/v1/assignments/${encodeURIComponent(taskId)}/complete`,
        { method: "POST", json: { version } },
      );
      save.applySignedOff(res.review);
      void qc.invalidateQueries({ queryKey: ["my-tasks"] });
      return true;
    } catch (e) {
      if (
        e instanceof ApiRequestError &&
        e.status === 409 &&
        (e.details as { currentVersion?: number } | undefined)?.currentVersion !== undefined
      )
        save.markConflict();
      setError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { complete, busy, error };
}

// The caller's open annotation task on this study, for when the study was opened from the worklist rather than
// from /tasks (no ?task= in the URL): without it an annotator could edit boxes but never complete the task.
export function useOpenTaskId(studyId: string, enabled: boolean): string | undefined {
  const q = useQuery({
    queryKey: ["my-tasks", "study", studyId],
    queryFn: () =>
      fetchJson<{ assignments: AssignmentDto[] }>(`/api/v1/assignments?mine=1&kind=annotate&studyId=${encodeURIComponent(studyId)}`),
    enabled,
  });
  return q.data?.assignments[0]?.id;
}
