"use client";

import { useEffect, useRef } from "react";
import { isField, isInsideModal } from "@/components/viewer/focus-image";
import { reviewCommandForKey, type ReviewCommand } from "@/lib/viewer/key-map";

export type ReviewKeyCommand = ReviewCommand;

/**
 * The review's keys (lib/viewer/key-map.ts REVIEW_BINDINGS). Listens before the viewer (capture phase) so a review key
 * never also triggers a viewer command; a handler returning false passes the key on (R rotates when no box is selected).
 * Keys typed in a field are text, and an open dialog or menu owns the keyboard.
 */
export function useReviewKeys(onCommand: (c: ReviewKeyCommand) => boolean) {
  const handler = useRef(onCommand);
  useEffect(() => void (handler.current = onCommand), [onCommand]);
  useEffect(() => {
    const listener = (e: KeyboardEvent) => {
      if (isField(e.target) || isInsideModal(e.target)) return;
      const command = reviewCommandForKey(e);
      if (!command || !handler.current(command)) return; // false: not handled, the viewer may have it
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener("keydown", listener, true);
    return () => window.removeEventListener("keydown", listener, true);
  }, []);
}
