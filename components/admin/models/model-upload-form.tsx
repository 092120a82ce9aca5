"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorText, Field } from "@/components/ui/field";
import { modelActions } from "@/components/admin/models/use-models";

// Upload an ONNX with its model card (JSON file); the server validates it and queues its evaluation.
export function ModelUploadForm({ onUploaded }: { onUploaded: () => void }) {
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState("");

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    setError("");
    setDone("");
    setBusy(true);
    try {
      const r = await modelActions.upload(new FormData(form));
      setDone(`Registered ${r.model.name} ${r.model.version}; its evaluation is queued.`);
      form.reset();
      onUploaded();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="grid max-w-3xl grid-cols-[1fr_1fr_auto] items-end gap-3" data-testid="model-upload-form">
      <Field label="Model (.onnx, Ultralytics YOLO export)">
        <input type="file" name="file" accept=".onnx" required className="text-sm" data-testid="model-file" />
      </Field>
      <Field label="Model card (.json: name, version, thresholds)">
        <input type="file" name="card" accept=".json,application/json" required className="text-sm" data-testid="model-card-file" />
      </Field>
      <Button type="submit" disabled={busy} data-testid="model-upload-submit">
        {busy ? "Uploading…" : "Register"}
      </Button>
      <div className="col-span-3">
        <ErrorText>{error}</ErrorText>
        {done && <p className="text-sm text-emerald-400" data-testid="model-upload-done">{done}</p>}
      </div>
    </form>
  );
}
