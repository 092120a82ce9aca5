"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorText, Field, Input, Select } from "@/components/ui/field";
import { useModelRegistry } from "@/components/admin/models/use-models";
import { useExports } from "@/components/admin/use-exports";
import { useUsers } from "@/components/admin/use-users";
import { createExportBodySchema, EXPORT_PURPOSES } from "@/lib/schemas/export";

const DAY_MS = 86_400_000;
// A picked day is a whole UTC day: 'from' at its start, 'to' at the start of the next day (exclusive).
const startOf = (day: string) => (day ? `${day}T00:00:00.000Z` : undefined);
const endOf = (day: string) => (day ? new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS).toISOString() : undefined);

// A new export shows in the list at once: the exports hook refreshes it.
export function ExportForm() {
  const [error, setError] = useState("");
  const models = useModelRegistry();
  const users = useUsers().list;
  const { create } = useExports();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const f = Object.fromEntries(form) as Record<string, string>;
    const purposes = form.getAll("purposes").map(String);
    const body = {
      format: f.format,
      filters: {
        from: startOf(f.from ?? ""),
        to: endOf(f.to ?? ""),
        modelVersionId: f.modelVersionId || undefined,
        readerId: f.readerId || undefined,
        purposes: purposes.length ? purposes : undefined,
        includeInProgress: f.includeInProgress === "on",
        includeHeldOut: f.includeHeldOut === "on",
      },
      valFraction: Number(f.valFraction),
      seed: Number(f.seed),
    };
    const parsed = createExportBodySchema.safeParse(body);
    if (!parsed.success) return setError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join(" · "));
    setError("");
    try {
      await create.mutateAsync(parsed.data);
    } catch (err) {
      setError(err instanceof Error ? err.message : "Could not start the export.");
    }
  }

  return (
    <form onSubmit={onSubmit} className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="export-form">
      <Field label="Format">
        <Select name="format" defaultValue="yolo" data-testid="export-format">
          <option value="yolo">YOLO (cxr-train)</option>
          <option value="coco">COCO JSON</option>
          <option value="both">YOLO + COCO</option>
        </Select>
      </Field>
      <Field label="Signed off from (UTC)">
        <Input name="from" type="date" data-testid="export-from" />
      </Field>
      <Field label="Signed off to (UTC)">
        <Input name="to" type="date" data-testid="export-to" />
      </Field>
      <Field label="Model version the reader saw">
        <Select name="modelVersionId" defaultValue="" data-testid="export-model">
          <option value="">Any version</option>
          {models.data?.models.map((m) => (
            <option key={m.id} value={m.id}>{`${m.name} ${m.version}`}</option>
          ))}
        </Select>
      </Field>
      <Field label="Reader">
        <Select name="readerId" defaultValue="" data-testid="export-reader">
          <option value="">Any reader</option>
          {users.data?.users.map((u) => (
            <option key={u.id} value={u.id}>{`${u.name} (${u.email})`}</option>
          ))}
        </Select>
      </Field>
      <Field label="Validation share (by patient)">
        <Input name="valFraction" type="number" min={0} max={0.9} step={0.05} defaultValue={0.2} data-testid="export-val-fraction" />
      </Field>
      <Field label="Split seed">
        <Input name="seed" type="number" min={0} step={1} defaultValue={0} data-testid="export-seed" />
      </Field>
      <fieldset className="text-sm">
        <legend className="mb-1 text-slate-400">Review purposes (none ticked: all)</legend>
        {EXPORT_PURPOSES.map((p) => (
          <label key={p} className="mr-3 inline-flex items-center gap-1">
            <input type="checkbox" name="purposes" value={p} /> {p.replace("_", " ")}
          </label>
        ))}
        <label className="mt-1 flex items-center gap-1">
          <input type="checkbox" name="includeInProgress" data-testid="export-include-in-progress" /> also reviews not yet signed off
        </label>
        <label
          className="mt-1 flex items-center gap-1"
          title="Held-out patients are the registry's evaluation set; a model trained on them is evaluated on its own training data."
        >
          <input type="checkbox" name="includeHeldOut" data-testid="export-include-held-out" /> also held-out evaluation patients (not for
          retraining)
        </label>
      </fieldset>
      <div className="col-span-full flex items-center gap-3">
        <Button type="submit" disabled={create.isPending} data-testid="export-start">
          {create.isPending ? "Starting…" : "Start export"}
        </Button>
        <ErrorText>{error}</ErrorText>
      </div>
    </form>
  );
}
