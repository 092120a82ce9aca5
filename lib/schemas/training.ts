import { z } from "zod";

export const MODEL_SIZES = ["n", "s", "m", "l", "x"] as const;

// A retraining run of the Python worker on a finished YOLO export.
export const createTrainingRunBodySchema = z
  .object({
    exportId: z.string().min(1).max(64),
    modelSize: z.enum(MODEL_SIZES).default("n"),
    epochs: z.number().int().min(1).max(1000).default(50),
    imageSize: z.number().int().min(32).max(2048).multipleOf(32, { message: "must be a multiple of 32 (the detector's largest stride)" }).default(640),
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

export type TrainingMetrics = { map50: number | null; map40: number | null; perClass: Record<string, { ap50: number | null; ap40: number | null; gt: number }>; epochs: number | null; durationS: number | null };

export type TrainingRunDto = {
  id: string;
  exportId: string;
  params: TrainingParams;
  status: string; // queued | running | succeeded | failed
  progress: number;
  progressMessage: string | null;
  model: { id: string; name: string; version: string; stage: string } | null;
  metrics: TrainingMetrics | null;
  log: string | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export type TrainingWorkerStatus = { installed: boolean; command: string; reason: string | null };
