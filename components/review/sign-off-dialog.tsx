"use client";

import { useRef, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import type { Impression } from "@/lib/schemas/review";
import { reviewCommandForKey } from "@/lib/viewer/key-map";

interface Props {
  open: boolean;
  impression: Impression | null;
  counts: { accepted: number; rejected: number; added: number; undecided: number };
  busy: boolean;
  error: string | null;
  onImpression: (i: Impression) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

const IMPRESSIONS: { value: Impression; label: string }[] = [
  { value: "no_finding", label: "No finding" },
  { value: "abnormal", label: "Abnormal" },
];

// Sign-off is the reader's act: the dialog says what they are signing, AI suggestions left undecided included. It is
// modal and takes the keyboard (the review keys behind it stay still): Y / Q pick the impression, Enter signs, Esc cancels.
export function SignOffDialog({ open, impression, counts, busy, error, onImpression, onConfirm, onCancel }: Props) {
  const confirm = useRef<HTMLButtonElement>(null);
  const firstChoice = useRef<HTMLInputElement>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    const c = reviewCommandForKey(e);
    if (c === "noFinding" || c === "abnormal") {
      e.preventDefault();
      onImpression(c === "noFinding" ? "no_finding" : "abnormal");
      confirm.current?.focus();
    } else if (e.key === "Enter" && (e.target as HTMLElement).tagName === "INPUT" && impression && !busy) {
      e.preventDefault();
      onConfirm();
    }
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !o && !busy && onCancel()}
      title="Sign off this review?"
      testId="sign-off-dialog"
      onKeyDown={onKeyDown}
      onOpenAutoFocus={(e) => {
        e.preventDefault();
        (impression ? confirm.current : firstChoice.current)?.focus();
      }}
      description={`${counts.accepted} accepted, ${counts.rejected} rejected, ${counts.added} added; ${counts.undecided} AI suggestion(s) left undecided. Your sign-off locks the review.`}
    >
      <fieldset className="mb-3 flex gap-4" data-testid="sign-off-impression">
        <legend className="mb-1 text-slate-400">Impression (Y / Q)</legend>
        {IMPRESSIONS.map((i, n) => (
          <label key={i.value} className="flex items-center gap-2">
            <input
              ref={n === 0 ? firstChoice : undefined}
              type="radio"
              name="sign-off-impression"
              checked={impression === i.value}
              onChange={() => onImpression(i.value)}
              data-testid={`sign-off-impression-${i.value}`}
            />
            {i.label}
          </label>
        ))}
      </fieldset>
      {!impression && <p className="mb-3 text-amber-400">Choose an impression first.</p>}
      {error && (
        <p className="mb-3 text-rose-400" role="alert" data-testid="sign-off-error">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button variant="secondary" disabled={busy}>
            Cancel (Esc)
          </Button>
        </DialogClose>
        <Button ref={confirm} onClick={onConfirm} disabled={busy || !impression} data-testid="sign-off-confirm">
          {busy ? "Signing off…" : "Sign off (Enter)"}
        </Button>
      </div>
    </Dialog>
  );
}
