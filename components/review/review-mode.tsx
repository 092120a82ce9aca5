"use client";

import type { ReviewPurpose } from "@/lib/schemas/review";

const LABEL: Record<ReviewPurpose, string> = {
  primary: "Primary read",
  double_read: "Double read — independent: the other reader's boxes are not shown",
  annotation: "Annotation task — correct classes and boxes; no sign-off",
  consensus: "Consensus of two reads (fused boxes) — adjust, then sign off as the training label",
};

export function PurposeChip({ purpose }: { purpose: ReviewPurpose }) {
  if (purpose === "primary") return null;
  return (
    <p className="rounded bg-indigo-950 px-2 py-1 text-xs text-indigo-200" data-testid="review-purpose" data-purpose={purpose}>
      {LABEL[purpose]}
    </p>
  );
}

export function TaskFooter({
  busy,
  error,
  done,
  disabled,
  onComplete,
}: {
  busy: boolean;
  error: string | null;
  done: boolean;
  disabled: boolean;
  onComplete: () => void;
}) {
  return (
    <div className="flex flex-col gap-1">
      {!done && (
        <button
          type="button"
          className="rounded bg-emerald-700 px-3 py-1.5 font-medium hover:bg-emerald-600 disabled:opacity-50"
          onClick={onComplete}
          disabled={busy || disabled}
          data-testid="complete-task"
        >
          {busy ? "Completing…" : "Complete task"}
        </button>
      )}
      {error && (
        <p className="text-xs text-rose-300" role="alert" data-testid="complete-task-error">
          {error}
        </p>
      )}
    </div>
  );
}
