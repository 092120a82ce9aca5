"use client";

import { useState } from "react";
import { focusImage } from "@/components/viewer/focus-image";

// After drawing a missed finding: the reader names its class (VinDr-CXR findings plus the model's own classes).
export function NewBoxPicker({
  classOptions,
  onConfirm,
  onCancel,
}: {
  classOptions: string[];
  onConfirm: (className: string) => void;
  onCancel: () => void;
}) {
  const [className, setClassName] = useState(classOptions[0] ?? "");
  return (
    <form
      className="flex flex-col gap-1 rounded border border-sky-700 p-2 text-xs"
      data-testid="new-box"
      onSubmit={(e) => {
        e.preventDefault();
        onConfirm(className);
        focusImage();
      }}
    >
      <span className="text-slate-300">Class of the new box</span>
      <select
        className="rounded bg-slate-900 px-1 py-1"
        value={className}
        onChange={(e) => setClassName(e.target.value)}
        data-testid="new-box-class"
        aria-label="Class of the new box"
        autoFocus
        onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), onConfirm(className), focusImage())}
      >
        {classOptions.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </select>
      <div className="flex justify-end gap-1">
        <button
          type="button"
          className="rounded bg-slate-700 px-2 py-0.5"
          onClick={() => {
            onCancel();
            focusImage();
          }}
        >
          Cancel
        </button>
        <button type="submit" className="rounded bg-sky-700 px-2 py-0.5" data-testid="new-box-confirm">
          Add box
        </button>
      </div>
    </form>
  );
}
