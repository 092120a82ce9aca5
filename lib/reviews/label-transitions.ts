import { AppError } from "@/lib/errors";
import type { Box, LabelChange, LabelSource } from "@/lib/schemas/review";

// Pure: a label's next state under one verdict. null means "already so" — repeating a verdict is a no-op, not an error.

export type LabelState = {
  source: LabelSource; // where the box came from: the AI's unchanged box, an edited AI box, or the reader
  className: string;
  box: Box;
  rejected: boolean;
  rejectReason: string | null;
  deleted: boolean;
};
export type Origin = { className: string; box: Box }; // the AI finding a label came from
export type Transition = { change: LabelChange; state: LabelState } | null;

export type Verdict =
  | { op: "accept" }
  | { op: "reject"; reason?: string }
  | { op: "edit"; box?: Box; className?: string }
  | { op: "delete" }
  | { op: "restore" };

export const sameBox = (a: Box, b: Box) => a.every((v, i) => v === b[i]);

export function sameState(a: LabelState, b: LabelState): boolean {
  return (
    a.source === b.source &&
    a.className === b.className &&
    sameBox(a.box, b.box) &&
    a.rejected === b.rejected &&
    a.rejectReason === b.rejectReason &&
    a.deleted === b.deleted
  );
}

export function fromOrigin(o: Origin): LabelState {
  return { source: "ai_accepted", className: o.className, box: [...o.box], rejected: false, rejectReason: null, deleted: false };
}

export function addedLabel(box: Box, className: string): LabelState {
  return { source: "reader_added", className, box: [...box], rejected: false, rejectReason: null, deleted: false };
}

function changed(current: LabelState | null, change: LabelChange, state: LabelState): Transition {
  return current && sameState(current, state) ? null : { change, state };
}

// current is null when no label exists yet for the AI finding (origin); then origin is required.
export function nextLabelState(current: LabelState | null, origin: Origin | null, v: Verdict): Transition {
  const base = current ?? (origin ? fromOrigin(origin) : null);
  if (!base) throw new AppError("unprocessable", "Nothing to apply this verdict to.");
  switch (v.op) {
    case "accept":
      // Accepting means "the AI box as proposed": it undoes an edit or a rejection.
      if (!origin) throw new AppError("unprocessable", "Only AI findings can be accepted; reader-added labels are already the reader's.");
      return changed(current, "accept", fromOrigin(origin));
    case "reject":
      if (!origin) throw new AppError("unprocessable", "Only AI findings can be rejected; delete a reader-added label instead.");
      return changed(current, "reject", { ...base, rejected: true, rejectReason: v.reason || null, deleted: false });
    case "edit": {
      if (base.deleted) throw new AppError("unprocessable", "This label is deleted; restore it before editing.");
      const box = v.box ?? base.box;
      const className = v.className ?? base.className;
      const source: LabelSource = !origin
        ? "reader_added"
        : sameBox(box, origin.box) && className === origin.className
          ? "ai_accepted"
          : "ai_edited";
      // Moving or reclassifying a box asserts it, so an edit also withdraws an earlier rejection.
      return changed(current, "edit", { source, className, box: [...box], rejected: false, rejectReason: null, deleted: false });
    }
    case "delete":
      if (base.source !== "reader_added" || origin)
        throw new AppError("unprocessable", "Labels from AI findings are rejected, not deleted; only reader-added labels can be deleted.");
      return changed(current, "delete", { ...base, deleted: true });
    case "restore":
      return changed(current, "restore", { ...base, deleted: false });
  }
}
