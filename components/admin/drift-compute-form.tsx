"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorText, Field, Input, Select } from "@/components/ui/field";
import { useModelRegistry } from "@/components/admin/models/use-models";
import { useDrift } from "@/components/admin/use-drift";
import { computeDriftBodySchema, type DriftReportDto } from "@/lib/schemas/drift";

const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
// A picked day is a whole UTC day: 'from' at its start, 'to' at the start of the next day (exclusive).
const startOf = (day: string) => `${day}T00:00:00.000Z`;
const endOf = (day: string) => new Date(Date.parse(startOf(day)) + DAY_MS).toISOString();

export function DriftComputeForm({ onReport }: { onReport: (report: DriftReportDto) => void }) {
  // Default current window: the last 7 days, today included; fixed at mount so re-renders do not move it.
  const [{ today, weekAgo }] = useState(() => {
    const now = Date.now();
    return { today: isoDay(new Date(now)), weekAgo: isoDay(new Date(now - 6 * DAY_MS)) };
  });
  const [mode, setMode] = useState<"firstN" | "period">("firstN");
  const [error, setError] = useState("");
  const models = useModelRegistry();
  const { compute } = useDrift();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const body = {
      modelVersionId: f.modelVersionId || undefined,
      reference: mode === "firstN" ? { firstN: Number(f.firstN) } : { from: startOf(f.refFrom ?? ""), to: endOf(f.refTo ?? "") },
      current: { from: startOf(f.curFrom ?? ""), to: endOf(f.curTo ?? "") },
    };
    const parsed = computeDriftBodySchema.safeParse(body);
    if (!parsed.success) return setError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join(" · "));
    setError("");
    try {
      onReport((await compute.mutateAsync(body)).report);
    } catch (err) {
      setError(err instanceof Error ? err.message : "Could not compute drift.");
    }
  }

  return (
    <form onSubmit={onSubmit} className="grid grid-cols-2 gap-3 md:grid-cols-7" data-testid="drift-compute-form">
      <Field label="Model version">
        <Select name="modelVersionId" defaultValue="" data-testid="drift-model">
          <option value="">All versions</option>
          {models.data?.models.map((m) => (
            <option key={m.id} value={m.id}>{`${m.name} ${m.version} (${m.stage})`}</option>
          ))}
        </Select>
      </Field>
      <Field label="Reference">
        <Select
          value={mode}
          onChange={(e) => setMode(e.target.value === "period" ? "period" : "firstN")}
          data-testid="drift-reference-mode"
        >
          <option value="firstN">First N predictions</option>
          <option value="period">A period (UTC)</option>
        </Select>
      </Field>
      {mode === "firstN" ? (
        <Field label="N">
          <Input name="firstN" type="number" min={1} max={100000} defaultValue={200} data-testid="drift-first-n" />
        </Field>
      ) : (
        <>
          <Field label="Reference from">
            <Input name="refFrom" type="date" required data-testid="drift-ref-from" />
          </Field>
          <Field label="Reference to">
            <Input name="refTo" type="date" required data-testid="drift-ref-to" />
          </Field>
        </>
      )}
      <Field label="Current from">
        <Input name="curFrom" type="date" defaultValue={weekAgo} required data-testid="drift-cur-from" />
      </Field>
      <Field label="Current to">
        <Input name="curTo" type="date" defaultValue={today} required data-testid="drift-cur-to" />
      </Field>
      <div className="flex items-end">
        <Button type="submit" disabled={compute.isPending} data-testid="drift-compute">
          {compute.isPending ? "Computing…" : "Compute drift"}
        </Button>
      </div>
      <div className="col-span-full">
        <ErrorText>{error}</ErrorText>
      </div>
    </form>
  );
}
