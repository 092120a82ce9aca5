"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

// Shown when a promotion is below production's evaluation: the admin must say why, or cancel.
export function OverrideDialog({ message, onConfirm, onCancel }: { message: string; onConfirm: (reason: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState("");
  return (
    <div role="dialog" aria-modal="true" aria-label="Override required" className="fixed inset-0 z-50 flex items-center justify-center bg-black/60" data-testid="override-dialog">
      <div className="w-[28rem] space-y-3 rounded border border-amber-700 bg-slate-900 p-4">
        <h2 className="font-semibold text-amber-300">Promotion below production</h2>
        <p className="text-sm text-slate-300">{message}</p>
        <textarea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="Why promote anyway? (kept in the stage history and audit trail)"
          className="h-20 w-full rounded border border-slate-700 bg-slate-950 p-2 text-sm"
          data-testid="override-reason"
        />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button onClick={() => onConfirm(reason)} disabled={reason.trim().length < 3} data-testid="override-confirm">
            Promote anyway
          </Button>
        </div>
      </div>
    </div>
  );
}
