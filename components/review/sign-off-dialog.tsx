"use client";

import { Button } from "@/components/ui/button";
import type { Impression } from "@/lib/schemas/review";

interface Props {
  impression: Impression | null;
  counts: { accepted: number; rejected: number; added: number; undecided: number };
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

// Sign-off is the reader's act: the dialog says what they are signing, AI suggestions left undecided included.
export function SignOffDialog({ impression, counts, busy, error, onConfirm, onCancel }: Props) {
  return (
    <div className="fixed inset-0 z-40 grid place-items-center bg-black/70" role="dialog" aria-modal="true" data-testid="sign-off-dialog">
      <div className="w-96 rounded border border-slate-700 bg-slate-900 p-5 text-sm">
        <h2 className="mb-2 font-semibold">Sign off this review?</h2>
        <p className="mb-2 text-slate-300">
          Impression: <strong>{impression === "abnormal" ? "Abnormal" : impression === "no_finding" ? "No finding" : "not chosen"}</strong>
        </p>
        <p className="mb-3 text-slate-400">
          {counts.accepted} accepted, {counts.rejected} rejected, {counts.added} added; {counts.undecided} AI suggestion(s) left undecided. Your sign-off locks the review.
        </p>
        {!impression && <p className="mb-3 text-amber-400">Choose an impression first.</p>}
        {error && <p className="mb-3 text-rose-400" data-testid="sign-off-error">{error}</p>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel} disabled={busy}>Cancel</Button>
          <Button onClick={onConfirm} disabled={busy || !impression} data-testid="sign-off-confirm" autoFocus>
            {busy ? "Signing off…" : "Sign off"}
          </Button>
        </div>
      </div>
    </div>
  );
}
