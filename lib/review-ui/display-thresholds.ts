import type { DisplayThresholds, StudyReviewDto } from "@/lib/schemas/review";

// The overlay's display filter for AI suggestions: a global confidence plus per-class confidences. Defaults come from
// the model version that made the findings; the reader's changes live only in the page (they are display filters:
// a hidden suggestion is not rejected, the reader still decides).

export type { DisplayThresholds };

// No version (no prediction yet, or a consensus view without AI findings): the detector's own default.
export const FALLBACK_THRESHOLDS: DisplayThresholds = { confidence: 0.25, perClass: {} };

/** The reader's changes this session: null keeps the version's global value; perClass holds only classes they set. */
export interface ThresholdChoices {
  confidence: number | null;
  perClass: Readonly<Record<string, number>>;
}
export const NO_CHOICES: ThresholdChoices = { confidence: null, perClass: {} };

export function modelDefaults(state: Pick<StudyReviewDto, "modelVersion"> | undefined): DisplayThresholds {
  return state?.modelVersion?.thresholds ?? FALLBACK_THRESHOLDS;
}

/** What the filter applies: the reader's choices over the version's defaults. */
export function effectiveThresholds(defaults: DisplayThresholds, choices: ThresholdChoices): DisplayThresholds {
  return { confidence: choices.confidence ?? defaults.confidence, perClass: { ...defaults.perClass, ...choices.perClass } };
}

/** A class's threshold: its own value if it has one, else the global one. */
/** The confidence slider one 5 % step up or down, kept on the slider's grid and within 0–100 %. */
export function stepConfidence(value: number, step: 1 | -1): number {
  const grid = value * 20; // off-grid values (a model default of 33 %) go to the next grid point in the step's direction
  const next = step > 0 ? Math.floor(grid + 1e-9) + 1 : Math.ceil(grid - 1e-9) - 1;
  return Math.min(1, Math.max(0, next / 20));
}

export function classThreshold(t: DisplayThresholds, className: string): number {
  return t.perClass[className] ?? t.confidence;
}

/** Sets one class's threshold, clamped to [0, 1]; a non-number is ignored. */
export function withClassThreshold(choices: ThresholdChoices, className: string, value: number): ThresholdChoices {
  if (!Number.isFinite(value)) return choices;
  return { ...choices, perClass: { ...choices.perClass, [className]: Math.min(1, Math.max(0, value)) } };
}

/** Back to the version's default for this class (its per-class value, or the global slider when it has none). */
export function withoutClassThreshold(choices: ThresholdChoices, className: string): ThresholdChoices {
  const perClass = { ...choices.perClass };
  delete perClass[className];
  return { ...choices, perClass };
}
