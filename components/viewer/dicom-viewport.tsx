"use client";

import type { Point, Viewport } from "cornerstone-core";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { splitFrameSource } from "@/lib/viewer/frame-source";
import type { ToolAction, ViewerState } from "@/lib/viewer/tool-state";
import { fullImageId, previewImageId, type CxrImage } from "./cxr-image-loader";
import { useCornerstone } from "./use-cornerstone";
import { usePointerTools } from "./use-pointer-tools";
import { recordDraw } from "./viewer-timings";
import { VIEWPORT_ELEMENT_ID } from "./focus-image";

/** What an overlay layer (AI boxes, annotations) needs: the cornerstone element and coordinate conversion. */
export interface ViewportApi {
  element: HTMLDivElement;
  image: CxrImage;
  viewport: Viewport;
  /**
   * Full-resolution image pixel (column, row) → canvas pixel (= CSS pixel of the viewport element), and back;
   * both follow zoom, pan, rotation and flips.
   */
  pixelToCanvas(p: Point): Point;
  canvasToPixel(p: Point): Point;
}

interface Props {
  /** The file URL, with "#frame=N" for a later frame of a multi-frame file (lib/viewer/frame-source.ts). */
  fileUrl: string | null;
  state: ViewerState;
  dispatch: (action: ToolAction) => void;
  /** Called after every draw (load, W/L, zoom…), so overlays can re-project. */
  onImageRendered?: (api: ViewportApi) => void;
  /** Overlay layer, absolutely positioned over the canvas. */
  children?: ReactNode;
}

// Tool state is in full-resolution pixels; a reduced-resolution first pass has cxrScale times larger pixels.
function toViewport(state: ViewerState, image: CxrImage): Partial<Viewport> {
  const voi = state.voi ?? { center: image.windowCenter, width: image.windowWidth };
  const f = image.cxrScale;
  return {
    scale: state.scale * f,
    translation: { x: state.translation.x / f, y: state.translation.y / f },
    voi: { windowCenter: voi.center, windowWidth: voi.width },
    invert: image.invert !== state.invert,
    rotation: state.rotation,
    hflip: state.hflip,
    vflip: state.vflip,
    pixelReplication: false,
    // The file's VOI LUT is the "DICOM" preset when the file has no window; any W/L change leaves it.
    voiLUT: state.presetIndex === 0 ? image.voiLUT : undefined,
  };
}

export function DicomViewport({ fileUrl, state, dispatch, onImageRendered, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const cs = useCornerstone(ref);
  const [image, setImage] = useState<CxrImage | null>(null);
  const [drawn, setDrawn] = useState<{ url: string; full: boolean } | null>(null);
  const [failed, setFailed] = useState<{ url: string; message: string } | null>(null);
  const onRendered = useRef(onImageRendered);
  const drawWaiters = useRef<(() => void)[]>([]);
  const shownFile = useRef<string | null>(null); // the file (without frame) last loaded: paging frames keeps the view
  useEffect(() => void (onRendered.current = onImageRendered), [onImageRendered]);
  usePointerTools(ref, dispatch);

  useEffect(() => {
    const el = ref.current;
    if (!cs || !el) return;
    const observer = new ResizeObserver(() => {
      cs.resize(el, false);
      dispatch({ type: "resize", width: el.clientWidth, height: el.clientHeight });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [cs, dispatch]);

  useEffect(() => {
    if (!cs || !fileUrl) return;
    let cancelled = false;
    (async () => {
      const first = (await cs.loadImage(previewImageId(fileUrl))) as CxrImage;
      if (cancelled) return;
      setImage(first);
      const { columns, rows } = first.cxrFullSize;
      const file = splitFrameSource(fileUrl).url;
      // Another frame of the same file keeps zoom, pan and the chosen preset (applied to this frame's own range).
      dispatch({ type: "imageLoaded", columns, rows, presets: first.cxrPresets, refine: shownFile.current === file });
      shownFile.current = file;
      if (!first.cxrPreview) return;
      // Let the preview reach the screen before the full decode occupies the main thread.
      await new Promise<void>((resolve) => drawWaiters.current.push(resolve));
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (cancelled) return;
      const full = (await cs.loadImage(fullImageId(fileUrl))) as CxrImage;
      if (cancelled) return;
      setImage(full);
      dispatch({ type: "imageLoaded", columns, rows, presets: full.cxrPresets, refine: true });
    })().catch((e: unknown) => {
      if (!cancelled) setFailed({ url: fileUrl, message: e instanceof Error ? e.message : String(e) });
    });
    return () => void (cancelled = true);
  }, [cs, fileUrl, dispatch]);

  // Mirror the tool state onto cornerstone: display a new image, otherwise just update the viewport.
  useEffect(() => {
    const el = ref.current;
    if (!cs || !el || !image || !state.image) return;
    const viewport = toViewport(state, image);
    if (cs.getEnabledElement(el).image !== image) cs.displayImage(el, image, viewport);
    else cs.setViewport(el, viewport);
  }, [cs, image, state]);

  useEffect(() => {
    const el = ref.current;
    if (!cs || !el) return;
    const handler = () => {
      const img = cs.getEnabledElement(el).image as CxrImage | undefined;
      const viewport = cs.getViewport(el);
      if (!img || !viewport) return;
      const url = img.imageId.replace(/^cxr(-preview)?:/, "");
      const full = !img.cxrPreview;
      recordDraw(url, full);
      drawWaiters.current.splice(0).forEach((resolve) => resolve());
      setDrawn((d) => (d?.url === url && d.full === full ? d : { url, full }));
      onRendered.current?.({
        element: el,
        image: img,
        viewport,
        pixelToCanvas: (p) => cs.pixelToCanvas(el, { x: p.x / img.cxrScale, y: p.y / img.cxrScale }),
        canvasToPixel: (p) => {
          const q = cs.canvasToPixel(el, p);
          return { x: q.x * img.cxrScale, y: q.y * img.cxrScale };
        },
      });
    };
    el.addEventListener(cs.EVENTS.IMAGE_RENDERED, handler);
    return () => el.removeEventListener(cs.EVENTS.IMAGE_RENDERED, handler);
  }, [cs]);

  const rendered = drawn !== null && drawn.url === fileUrl;
  const error = failed?.url === fileUrl ? failed.message : null;
  return (
    <div className="relative h-full w-full overflow-hidden bg-black">
      <div
        ref={ref}
        id={VIEWPORT_ELEMENT_ID}
        tabIndex={0}
        role="application"
        aria-label="Chest X-ray image. Keyboard shortcuts: press ? for the list."
        className="absolute inset-0 touch-none select-none focus-visible:outline-offset-[-3px]"
        data-testid="viewport"
        data-rendered={rendered ? "true" : "false"}
        data-resolution={rendered ? (drawn.full ? "full" : "preview") : undefined}
        data-mode={state.mode}
        data-frame={fileUrl ? splitFrameSource(fileUrl).frame : undefined}
      />
      {children && <div className="pointer-events-none absolute inset-0">{children}</div>}
      {!rendered && !error && fileUrl && <p className="absolute inset-0 grid place-items-center text-sm text-slate-400">Loading image…</p>}
      {error && (
        <p className="absolute inset-0 grid place-items-center text-sm text-rose-400" data-testid="viewport-error">
          {error}
        </p>
      )}
    </div>
  );
}
