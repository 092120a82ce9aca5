import { describe, expect, it } from "vitest";
import { displayThresholdsOf } from "./display-thresholds";

describe("displayThresholdsOf", () => {
  it("keeps the version's global confidence and maps per-class names to the app's vocabulary", () => {
    expect(displayThresholdsOf({ confidence: 0.3, iou: 0.45, perClass: { pleural_effusion: 0.5, "Lung Opacity": 0.4, "my class": 0.7 } })).toEqual({
      confidence: 0.3,
      perClass: { "Pleural effusion": 0.5, "Lung Opacity": 0.4, "my class": 0.7 },
    });
  });

  it("keeps the lower value when two model classes map to one app class, so nothing kept by the engine is hidden by default", () => {
    expect(displayThresholdsOf({ confidence: 0.25, iou: 0.45, perClass: { Mass: 0.6, Nodule: 0.35 } }).perClass).toEqual({ "Nodule/Mass": 0.35 });
  });

  it("reads a version stored without perClass, and falls back to the detector's default on invalid thresholds", () => {
    expect(displayThresholdsOf({ confidence: 0.4, iou: 0.5 })).toEqual({ confidence: 0.4, perClass: {} });
    expect(displayThresholdsOf({ confidence: "high" })).toEqual({ confidence: 0.25, perClass: {} });
    expect(displayThresholdsOf(null)).toEqual({ confidence: 0.25, perClass: {} });
  });
});
