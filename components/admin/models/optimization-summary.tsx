"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorText, Input } from "@/components/ui/field";
import { fetchJson } from "@/lib/http/fetch-json";
import type { OptimizationDto } from "@/lib/schemas/model-registry";
import type { RegistryEntryDto } from "@/lib/schemas/model-registry";

const f3 = (v: number | null) => (v === null ? "–" : v.toFixed(3));
const signed = (v: number | null) => (v === null ? "–" : `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(3)}`);
const ms = (v: number | null) => (v === null ? "–" : v.toFixed(0));

// An INT8 version beside its float one: mAP delta and latency on the held-out reviews (the registry's evaluation of
// both) and on the export's val split (measured by the worker when it quantized), so the admin chooses with numbers.
export function OptimizationSummary({ optimization: o }: { optimization: OptimizationDto }) {
  const e = o.exportComparison;
  const h = o.heldOut;
  return (
    <div className="mt-1 space-y-0.5 font-mono text-xs text-sky-200" data-testid="optimization-summary">
      <p>
        {o.precision.toUpperCase()} of {o.base.name} {o.base.version}
        {o.calibrationImages !== null && ` · calibrated on ${o.calibrationImages} images`}
      </p>
      <p data-testid="optimization-held-out">
        held-out: {h ? `mAP@0.5 ${f3(h.floatMap50)} → ${f3(h.int8Map50)} (Δ ${signed(h.map50Delta)}) · p50 ${ms(h.floatLatencyMs)} → ${ms(h.int8LatencyMs)} ms` : "waiting for both evaluations"}
      </p>
      {e && (
        <p data-testid="optimization-export">
          export val: mAP@0.5 {f3(e.floatMap50)} → {f3(e.int8Map50)} (Δ {signed(e.map50Delta)}) · run {ms(e.floatLatencyMs)} → {ms(e.int8LatencyMs)} ms
        </p>
      )}
    </div>
  );
}

// Queues an INT8 sibling (POST /api/v1/models/:id/optimize): calibrated on the export the version was trained on,
// or on the export id given.
export function OptimizeAction({ model, onQueued }: { model: RegistryEntryDto; onQueued: () => void }) {
  const [exportId, setExportId] = useState("");
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  if (model.optimization) return null;
  async function queue() {
    setBusy(true);
    setError("");
    try {
      const r = await fetchJson<{ jobId: string; exportId: string }>(`/api/v1/models/${model.id}/optimize`, { method: "POST", json: exportId.trim() ? { exportId: exportId.trim() } : {} });
      setMessage(`INT8 version queued (calibration on export ${r.exportId}); it appears here when registered.`);
      onQueued();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="space-y-1" data-testid="optimize-action">
      <h3 className="text-xs text-slate-400">Faster on CPU: static INT8 (calibrated on an export&apos;s images)</h3>
      <div className="flex items-center gap-2">
        <Input value={exportId} onChange={(e) => setExportId(e.target.value)} placeholder="export id (default: the one it was trained on)" data-testid="optimize-export" />
        <Button variant="secondary" disabled={busy} onClick={() => void queue()} data-testid="optimize-start">
          {busy ? "Queuing…" : "Make INT8 version"}
        </Button>
      </div>
      {message && <p className="text-xs text-slate-300">{message}</p>}
      <ErrorText>{error}</ErrorText>
    </div>
  );
}
