import { z } from "zod";

const box = z.tuple([z.number(), z.number(), z.number(), z.number()]);

export const PredictionItemSchema = z
  .object({
    class: z.string().describe("Finding in the VinDr-CXR vocabulary (or the model's own class name when none matches)"),
    model_class: z.string(),
    confidence: z.number().min(0).max(1),
    bbox: box.describe("Normalised [x1, y1, x2, y2] in 0..1 of the image width and height"),
    bbox_px: box.describe("[x1, y1, x2, y2] in pixels of the original image"),
    frame: z.number().int().min(1).describe("1-based frame the box is on (DICOM Referenced Frame Number); 1 for a single-frame image"),
  })
  .meta({ id: "PredictionItem" });

export const PredictResponseSchema = z
  .object({
    predictions: z.array(PredictionItemSchema),
    inference_time: z.number().describe("Seconds from receiving the image to the answer"),
    image: z.object({
      width: z.number().int(),
      height: z.number().int(),
      frames: z.number().int().min(1).describe("Frames predicted: every frame of a multi-frame DX/CR DICOM is its own image; 1 otherwise"),
    }),
    model: z.object({ name: z.string(), version: z.string() }),
  })
  .meta({ id: "PredictResponse" });
export type PredictResponse = z.infer<typeof PredictResponseSchema>;

export const BatchPredictResponseSchema = z
  .object({
    results: z.array(
      z.object({
        file: z.string(),
        ok: z.boolean(),
        result: PredictResponseSchema.optional(),
        error: z.object({ code: z.string(), message: z.string() }).optional(),
      }),
    ),
  })
  .meta({ id: "BatchPredictResponse" });

export const predictQuerySchema = z.object({ stage: z.enum(["staging"]).optional() });
export const MAX_BATCH_FILES = 32;
