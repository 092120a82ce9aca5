import { describe, expect, it } from "vitest";
import {
  classThreshold,
  effectiveThresholds,
  FALLBACK_THRESHOLDS,
  modelDefaults,
  NO_CHOICES,
  stepConfidence,
  withClassThreshold,
  withoutClassThreshold,
  type ThresholdChoices,
} from "./display-thresholds";

const version = (confidence: number, perClass: Record<string, number>) => ({
  modelVersion: { id: "m", name: "demo", version: "1", thresholds: { confidence, perClass } },
});

describe("display thresholds", () => {
  it("takes its defaults from the model version, or the detector's default without one", () => {
    expect(modelDefaults(version(0.4, { ILD: 0.6 }))).toEqual({ confidence: 0.4, perClass: { ILD: 0.6 } });
    expect(modelDefaults({ modelVersion: null })).toEqual(FALLBACK_THRESHOLDS);
    expect(modelDefaults(undefined).confidence).toBe(0.25);
  });

  it("applies the reader's choices over the defaults, per class first, else the global slider", () => {
    const defaults = { confidence: 0.3, perClass: { ILD: 0.6 } };
    expect(effectiveThresholds(defaults, NO_CHOICES)).toEqual(defaults);
    let choices: ThresholdChoices = { ...NO_CHOICES, confidence: 0.5 };
    let t = effectiveThresholds(defaults, choices);
    expect([classThreshold(t, "ILD"), classThreshold(t, "Nodule/Mass")]).toEqual([0.6, 0.5]); // ILD keeps its own value
    choices = withClassThreshold(choices, "Nodule/Mass", 0.7);
    choices = withClassThreshold(choices, "ILD", 0.2);
    t = effectiveThresholds(defaults, choices);
    expect([classThreshold(t, "ILD"), classThreshold(t, "Nodule/Mass"), classThreshold(t, "Pneumothorax")]).toEqual([0.2, 0.7, 0.5]);
    // Reset: ILD back to the version's 0.6, Nodule/Mass (no version value) back to following the global 0.5.
    t = effectiveThresholds(defaults, withoutClassThreshold(withoutClassThreshold(choices, "ILD"), "Nodule/Mass"));
    expect([classThreshold(t, "ILD"), classThreshold(t, "Nodule/Mass")]).toEqual([0.6, 0.5]);
  });

  it("clamps a class threshold to [0, 1] and ignores a non-number", () => {
    expect(withClassThreshold(NO_CHOICES, "ILD", 1.5).perClass.ILD).toBe(1);
    expect(withClassThreshold(NO_CHOICES, "ILD", -0.1).perClass.ILD).toBe(0);
    expect(withClassThreshold(NO_CHOICES, "ILD", Number.NaN)).toBe(NO_CHOICES);
  });
});

describe("stepConfidence", () => {
  it("moves the slider one 5 % step, on its grid and within 0–100 %", () => {
    expect(stepConfidence(0.25, 1)).toBeCloseTo(0.3);
    expect(stepConfidence(0.25, -1)).toBeCloseTo(0.2);
    expect(stepConfidence(0.33, 1)).toBeCloseTo(0.35); // an off-grid model default goes to the next grid point
    expect(stepConfidence(0.33, -1)).toBeCloseTo(0.3);
    expect(stepConfidence(1, 1)).toBe(1);
    expect(stepConfidence(0, -1)).toBe(0);
  });
});
