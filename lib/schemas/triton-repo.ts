import { z } from "zod";

const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const sizes = z
  .string()
  .regex(/^\d+(,\d+)*$/, "a comma-separated list of batch sizes, e.g. 4,8")
  .transform((s) => s.split(",").map(Number));

// GET /api/v1/models/:id/triton-repo (query) and `npm run triton:repo` (options): how Triton should serve the model.
export const tritonRepoOptionsSchema = z
  .object({
    kind: z.enum(["cpu", "gpu"]).default("cpu"),
    instances: z.coerce.number().int().min(1).max(16).default(1),
    /** Triton's max_batch_size for dynamic-batch models; must be ≥ the app's INFERENCE_MAX_BATCH (its default). */
    maxBatch: z.coerce.number().int().min(1).max(256).optional(),
    preferredBatch: sizes.optional(),
    maxQueueDelayUs: z.coerce.number().int().min(0).max(10_000_000).default(500),
    tensorrt: flag.default(false),
    tensorrtPrecision: z.enum(["FP16", "FP32"]).default("FP16"),
    tensorrtWorkspaceMb: z.coerce.number().int().min(64).max(65_536).default(1024),
    /** The model name template; default INFERENCE_KSERVE_MODEL, so the app finds what was written. */
    nameTemplate: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine((o) => !o.tensorrt || o.kind === "gpu", { message: "The TensorRT accelerator needs kind=gpu.", path: ["tensorrt"] });
export type TritonRepoOptions = z.infer<typeof tritonRepoOptionsSchema>;
