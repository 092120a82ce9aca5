"use client";

import { useState } from "react";
import { OverrideDialog } from "@/components/admin/models/override-dialog";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/field";
import { modelActions } from "@/components/admin/models/use-models";
import { ApiRequestError } from "@/lib/http/fetch-json";
import type { RegistryEntryDto } from "@/lib/schemas/model-registry";

const TARGETS = ["staging", "canary", "production", "registered", "archived"] as const;

// One-click promote (with a canary share) and rollback; a promotion below production asks for an override reason.
export function StageActions({ model, onChanged }: { model: RegistryEntryDto; onChanged: () => void }) {
  const [to, setTo] = useState<(typeof TARGETS)[number]>(model.stage === "canary" ? "production" : "canary");
  const movable = model.stage !== "production"; // production is replaced by a promotion or rolled back
  const [share, setShare] = useState(20);
  const [error, setError] = useState("");
  const [override, setOverride] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmRollback, setConfirmRollback] = useState(false); // a rollback changes what every reader sees: ask once

  async function run(call: () => Promise<unknown>) {
    setBusy(true);
    setError("");
    try {
      await call();
      onChanged();
    } catch (e) {
      if (e instanceof ApiRequestError && (e.details as { overrideRequired?: boolean } | undefined)?.overrideRequired) setOverride(e.message);
      else setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  const promote = (overrideReason?: string) =>
    run(() => modelActions.changeStage(model.id, { to, ...(to === "canary" ? { canaryShare: share / 100 } : {}), ...(overrideReason ? { overrideReason } : {}) }));

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="stage-actions">
      {movable && (
        <>
          <select value={to} onChange={(e) => setTo(e.target.value as (typeof TARGETS)[number])} className="rounded border border-slate-700 bg-slate-900 px-1 py-1 text-sm" aria-label="Target stage" data-testid="stage-target">
            {TARGETS.filter((t) => t !== model.stage || t === "canary").map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          {to === "canary" && (
            <label className="flex items-center gap-1 text-sm text-slate-400">
              <input type="number" min={1} max={100} value={share} onChange={(e) => setShare(Number(e.target.value))} className="w-16 rounded border border-slate-700 bg-slate-900 px-1 py-1" aria-label="Canary share (%)" data-testid="canary-share" />%
            </label>
          )}
          <Button disabled={busy} onClick={() => promote()} data-testid="stage-apply">
            Move
          </Button>
        </>
      )}
      {(model.stage === "canary" || model.stage === "production") && (
        <Button variant="danger" disabled={busy || confirmRollback} onClick={() => setConfirmRollback(true)} data-testid="rollback">
          Roll back
        </Button>
      )}
      {confirmRollback && (
        <span className="flex items-center gap-2 text-sm" data-testid="rollback-confirmation">
          {model.stage === "production" ? "Restore the previous production version for every reader?" : "Stop this canary?"}
          <Button variant="danger" disabled={busy} onClick={() => { setConfirmRollback(false); void run(() => modelActions.rollback(model.id)); }} data-testid="rollback-confirm">
            Yes, roll back
          </Button>
          <Button variant="secondary" onClick={() => setConfirmRollback(false)}>
            Cancel
          </Button>
        </span>
      )}
      <Button variant="secondary" disabled={busy} onClick={() => run(() => modelActions.reEvaluate(model.id))} data-testid="re-evaluate">
        {model.evaluation ? "Re-evaluate" : "Evaluate"}
      </Button>
      <ErrorText>{error}</ErrorText>
      {override && (
        <OverrideDialog
          message={override}
          onCancel={() => setOverride(null)}
          onConfirm={(reason) => {
            setOverride(null);
            void promote(reason);
          }}
        />
      )}
    </div>
  );
}
