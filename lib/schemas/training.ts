import { z } from "zod";

export const MODEL_SIZES = ["n", "s", "m", "l", "x"] as const;

// A retraining run of the Python worker on a finished YOLO export.
export const createTrainingRunBodySchema = z
  .object({
    exportId: z.string().min(1).max(64),
    modelSize: z.enum(MODEL_SIZES).default("n"),
    epochs: z.number().int().min(1).max(1000).default(50),
    imageSize: z
      .number()
      .int()
      .min(32)
      .max(2048)
      .multipleOf(32, { message: "must be a multiple of 32 (the detector's largest stride)" })
      .default(640),
    batch: z.number().int().min(1).max(256).default(16),
    // Small-data settings (Ultralytics' nbs, warmup_epochs, mosaic): left out, they are set from the export's
    // training image count (lib/training/small-data.ts) and stored with the run.
    nbs: z.number().int().min(1).max(1024).optional(),
    warmupEpochs: z.number().min(0).max(100).optional(),
    mosaic: z.number().min(0).max(1).optional(),
  })
  .strict();
export type CreateTrainingRunBody = z.infer<typeof createTrainingRunBodySchema>;
// As stored with a run: the small-data settings resolved (runs from before they existed have none).
export type TrainingParams = Omit<CreateTrainingRunBody, "exportId">;

export const listTrainingRunsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

const apPerClass = z.record(z.string(), z.object({ ap50: z.number().nullable(), ap40: z.number().nullable(), gt: z.number().int() }));
const TrainingMetricsSchema = z.object({
  map50: z.number().nullable(),
  map40: z.number().nullable(),
  perClass: apPerClass,
  epochs: z.number().int().nullable(),
  durationS: z.number().nullable(),
});
export type TrainingMetrics = z.infer<typeof TrainingMetricsSchema>;

export const TrainingRunSchema = z
  .object({
    id: z.string(),
    exportId: z.string(),
    params: z.object({
      modelSize: z.enum(MODEL_SIZES),
      epochs: z.number().int(),
      imageSize: z.number().int(),
      batch: z.number().int(),
      // the small-data settings the run used (runs from before they existed have none)
      nbs: z.number().int().optional(),
      warmupEpochs: z.number().optional(),
      mosaic: z.number().optional(),
    }),
    status: z.string().describe("queued | running | succeeded | failed"),
    progress: z.number(),
    progressMessage: z.string().nullable(),
    model: z.object({ id: z.string(), name: z.string(), version: z.string(), stage: z.string() }).nullable(),
    metrics: TrainingMetricsSchema.nullable(),
    log: z.string().nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: "TrainingRun" });
export type TrainingRunDto = z.infer<typeof TrainingRunSchema>;
export const TrainingRunResponseSchema = z.object({ run: TrainingRunSchema });
export const TrainingRunListSchema = z.object({
  runs: z.array(TrainingRunSchema),
  worker: z.object({ installed: z.boolean(), reason: z.string().nullable() }),
});

export type TrainingWorkerStatus = { installed: boolean; command: string; reason: string | null };
