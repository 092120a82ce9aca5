"use client";

import { useEffect } from "react";
import { commandForKey, type ViewerCommand } from "@/lib/viewer/key-map";

/** Global viewer shortcuts, ignored while typing in a form field. */
export function useViewerKeys(onCommand: (command: ViewerCommand) => void): void {
  useEffect(() => {
    const handler = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
      const command = commandForKey(e);
      if (!command) return;
      e.preventDefault();
      onCommand(command);
    };
    window.addEventListener("keydown", handler);
    return () => window.removeEventListener("keydown", handler);
  }, [onCommand]);
}
