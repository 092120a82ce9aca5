"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiRequestError, fetchJson } from "@/lib/http/fetch-json";
import type { Impression, ReviewDto, ReviewPurpose, SaveReviewResult, StudyReviewDto } from "@/lib/schemas/review";
import {
  EMPTY_QUEUE,
  enqueue,
  isEmpty,
  resolveTempIds,
  setImpression,
  takeBatch,
  tempIdMap,
  toWire,
  type LocalOperation,
  type SaveQueue,
} from "@/lib/review-ui/save-queue";
import { reviewQueryKey, reviewUrl } from "./use-review";

export type SaveStatus = "saved" | "pending" | "saving" | "conflict" | "error";
type InFlight = { ops: LocalOperation[]; impression?: Impression | null } | null;
const DEBOUNCE_MS = 600;

/**
 * Autosave: operations queue up and go out in one PATCH per quiet period, at the version last seen.
 * A 409 stops saving and asks for a reload — the server state is never overwritten silently.
 */
export function useReviewSave(studyId: string, onTempResolved: (map: Map<string, string>) => void, purpose?: ReviewPurpose) {
  const qc = useQueryClient();
  const key = useMemo(() => reviewQueryKey(studyId, purpose), [studyId, purpose]);
  // Refs drive the save loop (read in timers and callbacks); `view` mirrors them for rendering.
  const queue = useRef<SaveQueue>(EMPTY_QUEUE);
  const inFlight = useRef<InFlight>(null);
  const conflict = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const idle = useRef<(() => void)[]>([]);
  const flushRef = useRef<() => Promise<void>>(async () => {});
  const [view, setView] = useState<{ queue: SaveQueue; inFlight: InFlight }>({ queue: EMPTY_QUEUE, inFlight: null });
  const [status, setStatus] = useState<SaveStatus>("saved");
  const [error, setError] = useState<string | null>(null);
  const resolved = useRef(onTempResolved);
  useEffect(() => void (resolved.current = onTempResolved), [onTempResolved]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const publish = useCallback((s?: SaveStatus) => {
    setView({ queue: queue.current, inFlight: inFlight.current });
    if (!s) return;
    conflict.current = s === "conflict";
    setStatus(s);
    if (s !== "saving" && s !== "pending") idle.current.splice(0).forEach((r) => r());
  }, []);

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current || isEmpty(queue.current) || conflict.current) return;
    const { batch, impression, rest } = takeBatch(queue.current);
    queue.current = rest;
    inFlight.current = { ops: batch, impression };
    publish("saving");
    const version = qc.getQueryData<StudyReviewDto>(key)?.review?.version ?? 0;
    try {
      const body = { version, operations: toWire(batch), ...(impression !== undefined ? { impression } : {}) };
      const res = await fetchJson<SaveReviewResult>(reviewUrl(studyId, purpose), { method: "PATCH", json: body });
      qc.setQueryData<StudyReviewDto>(key, (old) => old && { ...old, review: res.review });
      await new Promise((r) => setTimeout(r, 0)); // let the query's (batched) update render before the in-flight ops stop showing
      const map = tempIdMap(batch, res.results);
      queue.current = resolveTempIds(queue.current, map);
      if (map.size) resolved.current(map);
      inFlight.current = null;
      setError(null);
      if (isEmpty(queue.current)) publish("saved");
      else void flushRef.current();
    } catch (e) {
      inFlight.current = null;
      if (e instanceof ApiRequestError && e.status === 409) {
        queue.current = EMPTY_QUEUE; // not applied: the reader reloads and decides again on the current state
        return publish("conflict");
      }
      setError(e instanceof Error ? e.message : String(e));
      publish("error");
      void qc.invalidateQueries({ queryKey: key });
    }
  }, [qc, key, studyId, purpose, publish]);
  useEffect(() => void (flushRef.current = flush), [flush]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), DEBOUNCE_MS);
    publish(inFlight.current ? undefined : "pending");
  }, [publish]);

  const push = useCallback(
    (op: LocalOperation) => {
      queue.current = enqueue(queue.current, op);
      schedule();
    },
    [schedule],
  );

  const pushImpression = useCallback(
    (impression: Impression | null) => {
      queue.current = setImpression(queue.current, impression);
      schedule();
    },
    [schedule],
  );

  /** Sends everything queued now; true once nothing is left unsaved (used before sign-off). */
  const flushNow = useCallback(async (): Promise<boolean> => {
    if (isEmpty(queue.current) && !inFlight.current) return !conflict.current;
    const done = new Promise<void>((r) => idle.current.push(r));
    void flushRef.current();
    await done;
    return isEmpty(queue.current) && !inFlight.current && !conflict.current;
  }, []);

  const reload = useCallback(async () => {
    queue.current = EMPTY_QUEUE;
    setError(null);
    await qc.refetchQueries({ queryKey: key });
    publish("saved");
  }, [qc, key, publish]);

  const markConflict = useCallback(() => publish("conflict"), [publish]);
  const applySignedOff = useCallback(
    (review: ReviewDto) => {
      qc.setQueryData<StudyReviewDto>(key, (old) => old && { ...old, review });
    },
    [qc, key],
  );

  const pending = useMemo(() => [...(view.inFlight?.ops ?? []), ...view.queue.ops], [view]);
  const pendingImpression = view.queue.impression !== undefined ? view.queue.impression : view.inFlight?.impression;
  return { push, pushImpression, flushNow, reload, markConflict, applySignedOff, pending, pendingImpression, status, error };
}
