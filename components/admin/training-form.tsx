"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorText, Field, Input, Select } from "@/components/ui/field";
import { useTrainingRuns } from "@/components/admin/use-training-runs";
import type { ExportDto } from "@/lib/schemas/export";
import { createTrainingRunBodySchema, MODEL_SIZES } from "@/lib/schemas/training";
import { smallDataSettings, trainImagesOf } from "@/lib/training/small-data";

const optionalNumber = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : Number(v));

// A new run shows in the list at once: the training-runs hook refreshes it.
export function TrainingForm({ exports, disabled }: { exports: ExportDto[]; disabled: boolean }) {
  const [error, setError] = useState("");
  const { create } = useTrainingRuns();
  const usable = exports.filter((e) => e.status === "succeeded" && e.format !== "coco");
  const [picked, setPicked] = useState({ exportId: "", epochs: 50, batch: 16 });
  const chosen = usable.find((e) => e.id === picked.exportId) ?? usable[0];
  // What the server sets when a small-data field is left empty (the same rule, from the export's training images)
  const auto = chosen ? smallDataSettings(trainImagesOf(chosen), picked.batch || 1, picked.epochs || 1) : null;

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const body = {
      exportId: f.exportId,
      modelSize: f.modelSize,
      epochs: Number(f.epochs),
      imageSize: Number(f.imageSize),
      batch: Number(f.batch),
      nbs: optionalNumber(f.nbs),
      warmupEpochs: optionalNumber(f.warmupEpochs),
      mosaic: optionalNumber(f.mosaic),
    };
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
          <Select
            name="exportId"
            required
            data-testid="training-export"
            onChange={(e) => setPicked((p) => ({ ...p, exportId: e.target.value }))}
          >
            {usable.length === 0 && <option value="">No finished YOLO export yet</option>}
            {usable.map((e) => (
              <option
                key={e.id}
                value={e.id}
              >{`${new Date(e.createdAt).toLocaleString()} · ${e.imageCount} images · ${e.boxCount} boxes`}</option>
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
        <Input
          name="epochs"
          type="number"
          min={1}
          max={1000}
          defaultValue={50}
          data-testid="training-epochs"
          onChange={(e) => setPicked((p) => ({ ...p, epochs: Number(e.target.value) }))}
        />
      </Field>
      <Field label="Image size (px)">
        <Input name="imageSize" type="number" min={32} max={2048} step={32} defaultValue={640} data-testid="training-image-size" />
      </Field>
      <Field label="Batch">
        <Input
          name="batch"
          type="number"
          min={1}
          max={256}
          defaultValue={16}
          data-testid="training-batch"
          onChange={(e) => setPicked((p) => ({ ...p, batch: Number(e.target.value) }))}
        />
      </Field>
      <Field label="Nominal batch (nbs)">
        <Input name="nbs" type="number" min={1} max={1024} placeholder={auto ? `auto: ${auto.nbs}` : "auto"} data-testid="training-nbs" />
      </Field>
      <Field label="Warm-up epochs">
        <Input
          name="warmupEpochs"
          type="number"
          min={0}
          max={100}
          step="any"
          placeholder={auto ? `auto: ${auto.warmupEpochs}` : "auto"}
          data-testid="training-warmup"
        />
      </Field>
      <Field label="Mosaic (0–1)">
        <Input
          name="mosaic"
          type="number"
          min={0}
          max={1}
          step="any"
          placeholder={auto ? `auto: ${auto.mosaic}` : "auto"}
          data-testid="training-mosaic"
        />
      </Field>
      <p className="col-span-full text-xs text-slate-400" data-testid="training-small-data-note">
        Empty small-data fields are set from the export&apos;s training images: accumulation no longer than an epoch (nbs), no warm-up when
        it would take over half the run, no mosaic below 100 images.
      </p>
      <div className="col-span-full flex items-center gap-3">
        <Button type="submit" disabled={disabled || create.isPending || usable.length === 0} data-testid="training-start">
          {create.isPending ? "Starting…" : "Start training"}
        </Button>
        <ErrorText>{error}</ErrorText>
      </div>
    </form>
  );
}
