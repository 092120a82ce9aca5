"use client";

import { useEffect, useRef } from "react";
import { bindingForKey, type ViewerCommand } from "@/lib/viewer/key-map";
import { focusImage, isField, isInsideModal } from "./focus-image";

/**
 * Global viewer shortcuts. Typing in a field is text (Esc leaves the field and returns to the image); a dialog or menu
 * owns the keyboard while open. Held keys (peek) run again with on=false when released.
 */
export function useViewerKeys(onCommand: (command: ViewerCommand) => void): void {
  const handler = useRef(onCommand);
  useEffect(() => void (handler.current = onCommand), [onCommand]);
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (isInsideModal(e.target)) return;
      if (isField(e.target)) {
        if (e.key === "Escape") {
          e.preventDefault();
          focusImage();
        }
        return;
      }
      const binding = bindingForKey(e);
      if (!binding) return;
      e.preventDefault();
      if (binding.hold && e.repeat) return;
      handler.current(binding.command);
    };
    const up = (e: KeyboardEvent) => {
      const binding = bindingForKey(e);
      if (binding?.hold && binding.command.type === "peek") handler.current({ type: "peek", on: false });
    };
    // A peek ends when the window loses focus too (the key-up would go elsewhere).
    const blur = () => handler.current({ type: "peek", on: false });
    window.addEventListener("keydown", down);
    window.addEventListener("keyup", up);
    window.addEventListener("blur", blur);
    return () => {
      window.removeEventListener("keydown", down);
      window.removeEventListener("keyup", up);
      window.removeEventListener("blur", blur);
    };
  }, []);
}
