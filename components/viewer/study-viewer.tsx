"use client";

import { useRouter } from "next/navigation";
import { useCallback, useReducer, useState, type ReactNode } from "react";
import type { ViewerCommand } from "@/lib/viewer/key-map";
import { frameSource, stepFrame } from "@/lib/viewer/frame-source";
import { studyHref, worklistHref } from "@/lib/viewer/study-links";
import { initialViewerState, viewerReducer } from "@/lib/viewer/tool-state";
import { DicomTagsPanel } from "./dicom-tags-panel";
import { DicomViewport, type ViewportApi } from "./dicom-viewport";
import { FramePager } from "./frame-pager";
import { HelpOverlay } from "./help-overlay";
import { useFillHeight } from "./use-fill-height";
import { usePanelLayout } from "./use-panel-layout";
import { useNeighbours, useStudy } from "./use-study";
import { useViewerKeys } from "./use-viewer-keys";
import { ViewerToolbar } from "./viewer-toolbar";

interface Props {
  studyId: string;
  /** The worklist's query string, passed on so next/previous follow its order. */
  worklistQuery: string;
  /** Overlay layer over the image (e.g. AI findings); receives the viewport API after each draw. */
  overlay?: (api: ViewportApi | null) => ReactNode;
  /** Show this image and frame (e.g. the frame of a box selected in the review panel); a new object pages again. */
  reveal?: { instanceId: string | null; frame: number } | null;
  /** The review panel: beside the image or floating over its right edge, collapsible (T/L/O, remembered per user). */
  panel?: ReactNode;
  /** Messages about the whole study (conflict, signed off), between the toolbar and the image. */
  banner?: ReactNode;
}

/**
 * The reading view: a one-row toolbar over the image, which takes the rest of the window (no page scroll); the tags and
 * review panels collapse. Reviewer/annotator/admin pages configure it via props.
 */
export function StudyViewer({ studyId, worklistQuery, overlay, reveal, panel, banner }: Props) {
  const router = useRouter();
  const study = useStudy(studyId);
  const neighbours = useNeighbours(studyId, worklistQuery);
  const [state, dispatch] = useReducer(viewerReducer, initialViewerState);
  const [instanceIndex, setInstanceIndex] = useState(0);
  const [frameOf, setFrameOf] = useState<Record<string, number>>({}); // the frame shown per image, 1-based
  const [api, setApi] = useState<ViewportApi | null>(null);
  const [layout, dispatchLayout] = usePanelLayout();
  const [peek, setPeek] = useState(false); // X held: no boxes over the film
  const [menuOpen, setMenuOpen] = useState(false);
  const [fillRef, fill] = useFillHeight<HTMLDivElement>();
  const instances = study.data?.instances ?? [];
  const instance = instances[instanceIndex];
  const frames = instance?.frames ?? 1;
  const frame = instance ? (frameOf[instance.id] ?? 1) : 1;
  const pageFrame = useCallback(
    (step: number) =>
      instance &&
      instance.frames > 1 &&
      setFrameOf((m) => ({ ...m, [instance.id]: stepFrame(m[instance.id] ?? 1, instance.frames, step) })),
    [instance],
  );

  // A new reveal request pages once (adjusting state while rendering, as React advises for props that reset state);
  // the reader's own paging afterwards stands.
  const [revealed, setRevealed] = useState(reveal);
  if (reveal !== revealed) {
    setRevealed(reveal);
    const index = reveal?.instanceId ? instances.findIndex((i) => i.id === reveal.instanceId) : instanceIndex;
    const target = instances[index];
    if (reveal && target) {
      setInstanceIndex(index);
      setFrameOf((m) => ({ ...m, [target.id]: Math.min(Math.max(1, reveal.frame), target.frames) }));
    }
  }

  const onCommand = useCallback(
    (c: ViewerCommand) => {
      if (c.type === "frame") return void pageFrame(c.step);
      if (c.type === "peek") return setPeek(c.on);
      if (c.type === "image") return instances.length > 1 && setInstanceIndex((i) => (i + c.step + instances.length) % instances.length);
      if (c.type === "openMenu") return setMenuOpen(true);
      if (c.type === "togglePanel" || c.type === "toggleDock") return dispatchLayout(c);
      if (c.type !== "navigate") return dispatch(c);
      const id = c.direction === "next" ? neighbours.data?.nextId : neighbours.data?.previousId;
      if (id) router.push(studyHref(id, worklistQuery));
    },
    [neighbours.data, router, worklistQuery, pageFrame, dispatchLayout, instances.length],
  );
  useViewerKeys(onCommand);

  if (study.isError)
    return (
      <p className="text-rose-400" data-testid="study-error">
        {study.error.message}
      </p>
    );
  const reviewOpen = !!panel && layout.review;
  return (
    // Full bleed under the header: the shell's side padding (px-6) is taken back for the image.
    <div
      ref={fillRef}
      style={fill}
      className="-mx-6 flex min-h-80 flex-col border-b border-slate-800"
      data-testid="study-viewer"
      data-study-id={studyId}
      data-tags={layout.tags ? "open" : "closed"}
      data-review-panel={reviewOpen ? layout.dock : "closed"}
    >
      <ViewerToolbar
        state={state}
        layout={layout}
        hasReviewPanel={!!panel}
        onCommand={onCommand}
        hasPrevious={!!neighbours.data?.previousId}
        hasNext={!!neighbours.data?.nextId}
        worklistHref={worklistHref(worklistQuery)}
        menuOpen={menuOpen}
        onMenuOpenChange={setMenuOpen}
      />
      {banner}
      <div className="relative flex min-h-0 flex-1">
        <div className="relative min-w-0 flex-1" data-testid="image-area">
          {study.isSuccess && instances.length === 0 && <p className="p-4 text-slate-400">This study has no images.</p>}
          <DicomViewport
            fileUrl={instance ? frameSource(instance.fileUrl, frame) : null}
            state={state}
            dispatch={dispatch}
            onImageRendered={overlay ? setApi : undefined}
          >
            {overlay && (
              <div className={peek ? "hidden" : "contents"} data-testid="overlay-layer" data-peek={peek ? "true" : undefined}>
                {overlay(api)}
              </div>
            )}
          </DicomViewport>
          {instances.length > 1 && (
            <div className="absolute bottom-2 left-2 z-10 flex gap-1">
              {instances.map((inst, i) => (
                <button
                  key={inst.id}
                  type="button"
                  onClick={() => setInstanceIndex(i)}
                  data-testid={`instance-${i}`}
                  aria-pressed={i === instanceIndex}
                  className={`rounded px-2 py-0.5 text-xs ${i === instanceIndex ? "bg-sky-700" : "bg-slate-800"}`}
                >
                  Image {i + 1}
                </button>
              ))}
            </div>
          )}
          {frames > 1 && <FramePager frame={frame} frames={frames} onStep={(step) => pageFrame(step)} />}
        </div>
        {panel && (
          // One element in both docks, so switching keeps the panel's state; a closed panel stays mounted but hidden.
          <div
            hidden={!reviewOpen}
            data-testid="review-panel-dock"
            data-dock={layout.dock}
            className={
              layout.dock === "overlay"
                ? "absolute bottom-2 right-2 top-2 z-20 w-72 overflow-hidden rounded-md border border-slate-700 bg-slate-950/90 shadow-xl backdrop-blur"
                : "w-72 shrink-0 border-l border-slate-800"
            }
          >
            {panel}
          </div>
        )}
        {study.data && (
          <div hidden={!layout.tags} className="w-72 shrink-0 border-l border-slate-800">
            <DicomTagsPanel study={study.data.study} instance={instance} state={state} />
          </div>
        )}
      </div>
      <HelpOverlay open={state.helpOpen} onClose={() => dispatch({ type: "closeHelp" })} />
    </div>
  );
}
