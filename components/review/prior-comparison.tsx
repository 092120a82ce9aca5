"use client";

import { useCallback, useEffect, useMemo, useReducer, useState } from "react";
import { DicomViewport, type ViewportApi } from "@/components/viewer/dicom-viewport";
import { useViewerKeys } from "@/components/viewer/use-viewer-keys";
import { findingsDiff, PRIOR_MATCH_IOU, type DiffBox } from "@/lib/priors/findings-diff";
import type { ReviewItem } from "@/lib/review-ui/review-items";
import { formatStudyDate } from "@/lib/studies/display-name";
import { comparisonCommandForKey, type ViewerCommand } from "@/lib/viewer/key-map";
import { initialViewerState, viewerReducer, type ToolAction } from "@/lib/viewer/tool-state";
import { DIFF_COLOUR, DiffBoxesLayer } from "./diff-boxes-layer";
import { usePriorComparison } from "./use-priors";

// What counts as "the current AI or reader has a box": every shown box that is not rejected (AI suggestions above the
// display filters, accepted, edited or added), on the film compared (frame 1 of the first image).
function currentBoxes(items: readonly ReviewItem[], instanceId: string): DiffBox[] {
  return items
    .filter((i) => !i.deleted && i.status !== "rejected" && i.frame === 1 && (i.instanceId === null || i.instanceId === instanceId))
    .map((i) => ({ id: i.key, className: i.className, box: i.box }));
}

/**
 * Current | prior side by side. One viewer state drives both films, so zoom, pan and window stay linked; X swaps the
 * sides, Esc closes. The findings diff aligns the films by their lung fields and matches same-class boxes at IoU ≥ 0.2.
 */
const NOT_TOOLS = new Set<ViewerCommand["type"]>(["navigate", "frame", "image", "togglePanel", "toggleDock", "peek", "openMenu"]);

export function PriorComparison({
  studyId,
  priorId,
  items,
  onClose,
}: {
  studyId: string;
  priorId: string;
  items: readonly ReviewItem[];
  onClose: () => void;
}) {
  const q = usePriorComparison(studyId, priorId);
  const [state, dispatch] = useReducer(viewerReducer, initialViewerState);
  const [swapped, setSwapped] = useState(false);
  const [apis, setApis] = useState<{ current: ViewportApi | null; prior: ViewportApi | null }>({ current: null, prior: null });
  const onCommand = useCallback(
    (c: ViewerCommand) => {
      if (c.type === "closeHelp") return onClose(); // Esc leaves the comparison
      if (!NOT_TOOLS.has(c.type)) dispatch(c as ToolAction); // study/image paging and the layout keys belong to the viewer
    },
    [onClose],
  );
  useViewerKeys(onCommand);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName)) return;
      if (comparisonCommandForKey(e) === "swap") setSwapped((s) => !s); // Esc (close) arrives as the viewer's closeHelp
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const data = q.data;
  const diff = useMemo(
    () =>
      data
        ? findingsDiff({
            prior: data.prior.boxes,
            current: currentBoxes(items, data.current.instanceId),
            priorLung: data.prior.lungBox,
            currentLung: data.current.lungBox,
          })
        : { prior: [], current: [] },
    [data, items],
  );
  if (q.error)
    return (
      <p className="p-4 text-rose-400" role="alert">
        {q.error.message}
      </p>
    );
  if (!data) return <p className="p-4 text-slate-400">Loading the prior…</p>;
  const cur = currentBoxes(items, data.current.instanceId);
  const currentLayer = diff.current.map((d) => ({
    id: d.currentId!,
    className: d.className,
    box: cur.find((c) => c.id === d.currentId)!.box,
    status: d.status,
  }));
  const priorLayer = diff.prior.map((d) => ({
    id: d.priorId!,
    className: d.className,
    box: data.prior.boxes.find((b) => b.id === d.priorId)!.box,
    status: d.status,
  }));
  const listed = [...diff.prior, ...diff.current.filter((d) => d.status === "new")]; // a persisting current box is listed with its prior
  const pane = (side: "current" | "prior") => {
    const film = side === "current" ? data.current : data.prior;
    return (
      <div className="relative min-w-0 flex-1" data-testid={`compare-${side}`}>
        <p className="absolute left-2 top-1 z-10 rounded bg-black/70 px-1.5 text-xs text-slate-200">
          {side === "current"
            ? "Current"
            : `Prior · ${formatStudyDate(data.prior.studyDate)} · ${data.prior.finalRead ? `final read (${data.prior.finalRead.purpose.replace("_", " ")})` : "no final read yet"}`}
        </p>
        <DicomViewport
          fileUrl={film.fileUrl}
          state={state}
          dispatch={dispatch}
          onImageRendered={(api) => setApis((a) => (a[side] === api ? a : { ...a, [side]: api }))}
        >
          <DiffBoxesLayer api={apis[side]} side={side} lungBox={film.lungBox} boxes={side === "current" ? currentLayer : priorLayer} />
        </DicomViewport>
      </div>
    );
  };
  return (
    <div
      className="flex h-[calc(100vh-7.5rem)] min-h-96 flex-col rounded border border-slate-800"
      data-testid="prior-comparison"
      data-swapped={swapped}
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-800 px-2 py-1 text-xs">
        <span className="text-slate-300">Comparing with {data.prior.displayName}</span>
        <button type="button" className="rounded bg-slate-700 px-2 py-0.5" onClick={() => setSwapped((s) => !s)} data-testid="compare-swap">
          Swap sides (X)
        </button>
        <button type="button" className="rounded bg-slate-700 px-2 py-0.5" onClick={onClose} data-testid="compare-close">
          Close (Esc)
        </button>
        <span className="text-slate-400">Zoom, pan and window are linked.</span>
      </div>
      <div className={`flex min-h-0 flex-1 gap-1 ${swapped ? "flex-row-reverse" : ""}`}>
        {pane("current")}
        {pane("prior")}
      </div>
      <div className="border-t border-slate-800 px-2 py-1 text-xs" data-testid="findings-diff">
        <p className="text-slate-400" data-testid="diff-method">
          How this is decided: both films are aligned by their lung-field bounding box (the dark regions inside the body, dotted); a prior
          final box is <b>persisting</b> when the current AI or reader has a box of the same class overlapping it by IoU ≥ {PRIOR_MATCH_IOU}{" "}
          after that alignment, else <b>resolved</b>; a current box without a prior partner is <b>new</b>. A guide for reading, not a
          diagnosis.
        </p>
        <ul className="mt-1 flex flex-wrap gap-1">
          {listed.length === 0 && <li className="text-slate-400">No boxes on either film.</li>}
          {listed.map((d) => (
            <li
              key={`${d.priorId}-${d.currentId}`}
              className="rounded border px-1.5 py-0.5"
              style={{ borderColor: DIFF_COLOUR[d.status], color: DIFF_COLOUR[d.status] }}
              data-testid="diff-entry"
              data-status={d.status}
              data-class={d.className}
            >
              {d.status}: {d.className}
              {d.iou !== null && <> (IoU {d.iou.toFixed(2)})</>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
