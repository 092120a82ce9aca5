"use client";

import { useEffect, useRef } from "react";

export type ReviewKeyCommand = "next" | "accept" | "reject" | "edit" | "delete" | "add" | "signOff" | "cancel";

// Review shortcuts; R rejects only while a box is selected (otherwise it stays the viewer's rotate).
export const REVIEW_KEYS: { keys: string; label: string }[] = [
  { keys: "N", label: "Select the next finding" },
  { keys: "A", label: "Accept the AI suggestion" },
  { keys: "R", label: "Reject it (with a box selected; else rotate)" },
  { keys: "E", label: "Edit: drag to move, corners to resize" },
  { keys: "D / Del", label: "Delete a box you added" },
  { keys: "B", label: "Add a box: drag on the image" },
  { keys: "S", label: "Sign off…" },
  { keys: "Esc", label: "Cancel / deselect" },
];

const COMMANDS: Record<string, ReviewKeyCommand> = {
  n: "next",
  a: "accept",
  r: "reject",
  e: "edit",
  d: "delete",
  Delete: "delete",
  b: "add",
  s: "signOff",
  Escape: "cancel",
};

/** Listens before the viewer (capture phase) so a review key never also triggers a viewer command. */
export function useReviewKeys(onCommand: (c: ReviewKeyCommand) => boolean) {
  const handler = useRef(onCommand);
  useEffect(() => void (handler.current = onCommand), [onCommand]);
  useEffect(() => {
    const listener = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
      const command = COMMANDS[e.key.length === 1 ? e.key.toLowerCase() : e.key];
      if (!command || !handler.current(command)) return; // false: not handled, the viewer may have it
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener("keydown", listener, true);
    return () => window.removeEventListener("keydown", listener, true);
  }, []);
}
