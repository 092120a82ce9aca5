"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import type { TaskSummary } from "@/lib/review-ui/task-summary";

interface Props {
  summary: TaskSummary;
  busy: boolean;
  error: string | null;
  onComplete: (acceptUndecided: boolean) => void;
  onCancel: () => void;
}

// "Complete task" says what goes into the training label and asks about AI suggestions nobody decided: accept them
// into the label, or leave them out. A native modal <dialog>: focus is trapped and Esc closes it.
export function CompleteTaskDialog({ summary: s, busy, error, onComplete, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const n = s.undecided.length;
  return (
    <dialog
      ref={ref}
      className="m-auto w-[28rem] rounded border border-slate-700 bg-slate-900 p-5 text-sm text-slate-100 backdrop:bg-black/70"
      aria-labelledby="complete-task-title"
      data-testid="complete-task-dialog"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
      // Keys stay in the modal: the viewer's window-level shortcuts (which also take Esc) never act behind it.
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Escape") {
          e.preventDefault();
          if (!busy) onCancel();
        }
      }}
    >
      <h2 id="complete-task-title" className="mb-2 font-semibold">
        Complete this annotation task?
      </h2>
      <p className="mb-1 text-slate-300" data-testid="complete-task-kept">
        The training label will hold <strong>{s.kept.total}</strong> box(es): {s.kept.accepted} accepted, {s.kept.edited} edited,{" "}
        {s.kept.added} added.
      </p>
      {s.byClass.length > 0 && (
        <ul className="mb-1 list-inside list-disc text-slate-400">
          {s.byClass.map((c) => (
            <li key={c.className}>
              {c.className}: {c.count}
            </li>
          ))}
        </ul>
      )}
      <p className="mb-2 text-slate-400">{s.rejected} rejected AI suggestion(s) are left out.</p>
      {n > 0 && (
        <p className="mb-2 text-amber-300" data-testid="complete-task-undecided" data-count={n}>
          {n} AI suggestion(s) are undecided ({[...new Set(s.undecided.map((i) => i.className))].join(", ")}). Accept them into the label,
          or leave them out?
        </p>
      )}
      {s.hiddenUndecided > 0 && <p className="mb-2 text-slate-400">{s.hiddenUndecided} more hidden by the display filters are left out.</p>}
      {error && (
        <p className="mb-2 text-rose-400" role="alert">
          {error}
        </p>
      )}
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={busy} data-testid="complete-task-back">
          Go back
        </Button>
        {n > 0 && (
          <Button variant="secondary" onClick={() => onComplete(true)} disabled={busy} data-testid="complete-task-accept-undecided">
            Accept {n} and complete
          </Button>
        )}
        <Button onClick={() => onComplete(false)} disabled={busy} data-testid="complete-task-confirm" autoFocus>
          {busy ? "Completing…" : n > 0 ? `Leave ${n} out and complete` : "Complete task"}
        </Button>
      </div>
    </dialog>
  );
}
