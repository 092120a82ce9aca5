import { mapClassName } from "@/lib/inference/vocabulary";
import { thresholdsSchema } from "@/lib/models/thresholds";
import type { DisplayThresholds } from "@/lib/schemas/review";

// The detector's default confidence when a stored version has no valid thresholds (as lib/inference/postprocess).
const FALLBACK_CONFIDENCE = 0.25;

/**
 * A version's stored thresholds as the review overlay's defaults: per-class keys mapped to the app's class names the
 * way findings are ("Mass" → "Nodule/Mass"). Two model classes that map to one app class keep the lower threshold, so
 * no finding the engine kept is hidden by default.
 */
export function displayThresholdsOf(stored: unknown): DisplayThresholds {
  const parsed = thresholdsSchema.safeParse(stored);
  if (!parsed.success) return { confidence: FALLBACK_CONFIDENCE, perClass: {} };
  const perClass: Record<string, number> = {};
  for (const [name, value] of Object.entries(parsed.data.perClass)) {
    const mapped = mapClassName(name);
    perClass[mapped] = Math.min(value, perClass[mapped] ?? Infinity);
  }
  return { confidence: parsed.data.confidence, perClass };
}
