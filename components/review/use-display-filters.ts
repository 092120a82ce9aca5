"use client";

import { useMemo, useState } from "react";
import {
  effectiveThresholds,
  modelDefaults,
  NO_CHOICES,
  withClassThreshold,
  withoutClassThreshold,
  type ThresholdChoices,
} from "@/lib/review-ui/display-thresholds";
import type { StudyReviewDto } from "@/lib/schemas/review";

// The overlay's display filters for this page: hidden classes and the reader's threshold choices over the version's defaults.
export function useDisplayFilters(state: StudyReviewDto | undefined) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [choices, setChoices] = useState<ThresholdChoices>(NO_CHOICES);
  const defaults = modelDefaults(state);
  const thresholds = useMemo(() => effectiveThresholds(defaults, choices), [defaults, choices]);
  return {
    hidden,
    defaults,
    choices,
    thresholds,
    toggleClass: (c: string) =>
      setHidden((h) => {
        const n = new Set(h);
        if (!n.delete(c)) n.add(c);
        return n;
      }),
    setGlobal: (v: number) => setChoices((ch) => ({ ...ch, confidence: v })),
    setClass: (c: string, v: number) => setChoices((ch) => withClassThreshold(ch, c, v)),
    resetClass: (c: string) => setChoices((ch) => withoutClassThreshold(ch, c)),
  };
}
export type DisplayFiltersState = ReturnType<typeof useDisplayFilters>;
