"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorText, Field, Input, Select } from "@/components/ui/field";
import { useTrainingRuns } from "@/components/admin/use-training-runs";
import type { ExportDto } from "@/lib/schemas/export";
import { createTrainingRunBodySchema, MODEL_SIZES } from "@/lib/schemas/training";

// A new run shows in the list at once: the training-runs hook refreshes it.
export function TrainingForm({ exports, disabled }: { exports: ExportDto[]; disabled: boolean }) {
  const [error, setError] = useState("");
  const { create } = useTrainingRuns();
  const usable = exports.filter((e) => e.status === "succeeded" && e.format !== "coco");

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const body = { exportId: f.exportId, modelSize: f.modelSize, epochs: Number(f.epochs), imageSize: Number(f.imageSize), batch: Number(f.batch) };
    const parsed = createTrainingRunBodySchema.safeParse(body);
    if (!parsed.success) return setError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join(" · "));
    setError("");
    try {
      await create.mutateAsync(parsed.data);
    } catch (err) {
      setError(err instanceof Error ? err.message : "Could not start the run.");
    }
  }

  return (
    <form onSubmit={onSubmit} className="grid grid-cols-2 gap-3 md:grid-cols-6" data-testid="training-form">
      <div className="col-span-2">
        <Field label="Dataset (finished YOLO export)">
          <Select name="exportId" required data-testid="training-export">
            {usable.length === 0 && <option value="">No finished YOLO export yet</option>}
            {usable.map((e) => (
              <option key={e.id} value={e.id}>{`${new Date(e.createdAt).toLocaleString()} · ${e.imageCount} images · ${e.boxCount} boxes`}</option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label="YOLO11 size">
        <Select name="modelSize" defaultValue="n" data-testid="training-size">
          {MODEL_SIZES.map((s) => (
            <option key={s} value={s}>{`yolo11${s}`}</option>
          ))}
        </Select>
      </Field>
      <Field label="Epochs">
        <Input name="epochs" type="number" min={1} max={1000} defaultValue={50} data-testid="training-epochs" />
      </Field>
      <Field label="Image size (px)">
        <Input name="imageSize" type="number" min={32} max={2048} step={32} defaultValue={640} data-testid="training-image-size" />
      </Field>
      <Field label="Batch">
        <Input name="batch" type="number" min={1} max={256} defaultValue={16} data-testid="training-batch" />
      </Field>
      <div className="col-span-full flex items-center gap-3">
        <Button type="submit" disabled={disabled || create.isPending || usable.length === 0} data-testid="training-start">
          {create.isPending ? "Starting…" : "Start training"}
        </Button>
        <ErrorText>{error}</ErrorText>
      </div>
    </form>
  );
}
