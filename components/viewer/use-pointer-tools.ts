"use client";

import { useEffect, type RefObject } from "react";
import type { DragMode, ToolAction } from "@/lib/viewer/tool-state";

// Left button drags with the active tool; middle button pans, right button zooms; the wheel zooms.
const BUTTON_MODE: Record<number, DragMode | undefined> = { 1: "pan", 2: "zoom" };

export function usePointerTools(ref: RefObject<HTMLDivElement | null>, dispatch: (a: ToolAction) => void): void {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let last: { x: number; y: number; mode?: DragMode; id: number } | null = null;
    const down = (e: PointerEvent) => {
      el.setPointerCapture(e.pointerId);
      last = { x: e.clientX, y: e.clientY, mode: BUTTON_MODE[e.button], id: e.pointerId };
      e.preventDefault();
    };
    const move = (e: PointerEvent) => {
      if (!last || e.pointerId !== last.id) return;
      const dx = e.clientX - last.x;
      const dy = e.clientY - last.y;
      if (dx === 0 && dy === 0) return;
      last = { ...last, x: e.clientX, y: e.clientY };
      dispatch({ type: "drag", dx, dy, mode: last.mode });
    };
    const up = (e: PointerEvent) => {
      if (last?.id === e.pointerId) last = null;
    };
    const wheel = (e: WheelEvent) => {
      e.preventDefault();
      dispatch({ type: "zoomBy", factor: Math.exp(-e.deltaY * 0.002) });
    };
    const menu = (e: Event) => e.preventDefault();
    el.addEventListener("pointerdown", down);
    el.addEventListener("pointermove", move);
    el.addEventListener("pointerup", up);
    el.addEventListener("pointercancel", up);
    el.addEventListener("wheel", wheel, { passive: false });
    el.addEventListener("contextmenu", menu);
    return () => {
      el.removeEventListener("pointerdown", down);
      el.removeEventListener("pointermove", move);
      el.removeEventListener("pointerup", up);
      el.removeEventListener("pointercancel", up);
      el.removeEventListener("wheel", wheel);
      el.removeEventListener("contextmenu", menu);
    };
  }, [ref, dispatch]);
}
