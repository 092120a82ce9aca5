import { z } from "zod";
import type { DecodeOptions } from "@/lib/inference/postprocess";

// A version's detection thresholds: stored with the version, applied by the server engine and, the same way, by
// the browser run. Pure, so client code can import it.

export const thresholdsSchema = z.object({
  confidence: z.number().min(0).max(1),
  iou: z.number().min(0).max(1),
  perClass: z.record(z.string(), z.number().min(0).max(1)).default({}),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

export function decodeOptionsOf(t: Thresholds): DecodeOptions {
  return { confidence: t.confidence, iou: t.iou, classConfidence: t.perClass };
}
