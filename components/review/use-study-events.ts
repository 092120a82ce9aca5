"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { StudyAiState } from "@/lib/studies/study-ai-state";

/**
 * The study's live AI state over server-sent events: when a prediction lands (or the study fails, or moves on) the
 * review and the study are refetched at once. `live` is false until connected; the review query then falls back to polling.
 */
export function useStudyEvents(studyId: string): { live: boolean; state: StudyAiState | null } {
  const qc = useQueryClient();
  const [live, setLive] = useState(false);
  const [state, setState] = useState<StudyAiState | null>(null);
  const last = useRef<{ key: string; aiKey: string } | null>(null);
  useEffect(() => {
    const source = new EventSource(`/api/v1/studies/${encodeURIComponent(studyId)}/events`);
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false); // the browser reconnects by itself
    source.addEventListener("ai", (e) => {
      const next = JSON.parse((e as MessageEvent<string>).data) as StudyAiState;
      setState(next);
      // The study (its status line) follows every change; the review only AI changes (see lib/studies/study-ai-state).
      if (last.current && last.current.key !== next.key) void qc.invalidateQueries({ queryKey: ["study", studyId] });
      if (last.current && last.current.aiKey !== next.aiKey) void qc.invalidateQueries({ queryKey: ["study-review", studyId] });
      last.current = { key: next.key, aiKey: next.aiKey };
    });
    return () => source.close();
  }, [qc, studyId]);
  return { live, state };
}
