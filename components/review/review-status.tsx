"use client";

import type { SaveStatus } from "./use-review-save";

const TEXT: Record<SaveStatus, string> = {
  saved: "saved",
  pending: "unsaved changes",
  saving: "saving…",
  conflict: "not saved (conflict)",
  error: "save failed",
};

export function SaveStatusBadge({ status, version }: { status: SaveStatus; version: number }) {
  const colour = status === "saved" ? "text-emerald-400" : status === "conflict" || status === "error" ? "text-rose-400" : "text-amber-300";
  return (
    <p className="text-xs text-slate-400">
      Autosave:{" "}
      <span className={colour} data-testid="save-status" data-status={status} data-version={version} aria-live="polite">
        {TEXT[status]}
      </span>
    </p>
  );
}

export function ReviewBanner({
  status,
  error,
  signedOff,
  completed,
  onReload,
}: {
  status: SaveStatus;
  error: string | null;
  signedOff: boolean;
  completed?: boolean;
  onReload: () => void;
}) {
  if (status === "conflict")
    return (
      <div
        className="flex items-center gap-3 rounded border border-amber-600 bg-amber-950 px-3 py-2 text-sm text-amber-200"
        role="alert"
        data-testid="conflict-banner"
      >
        <span className="flex-1">This review was changed in another session — reload. Your last unsaved change was not applied.</span>
        <button type="button" className="rounded bg-amber-700 px-2 py-1 text-white" onClick={onReload} data-testid="conflict-reload">
          Reload
        </button>
      </div>
    );
  if (status === "error" && error)
    return (
      <div className="rounded border border-rose-700 bg-rose-950 px-3 py-2 text-sm text-rose-200" role="alert" data-testid="save-error">
        Not saved: {error}
      </div>
    );
  if (signedOff)
    return (
      <div className="rounded border border-emerald-800 bg-emerald-950 px-3 py-2 text-sm text-emerald-200" data-testid="signed-off-banner">
        Signed off — this review is locked.
      </div>
    );
  if (completed)
    return (
      <div
        className="rounded border border-emerald-800 bg-emerald-950 px-3 py-2 text-sm text-emerald-200"
        data-testid="task-completed-banner"
      >
        Task completed — this annotation is locked; its history is kept.
      </div>
    );
  return null;
}
