import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertEngineEvaluated, assertPromotionAllowed, engineMismatch, promotionShortfall } from "@/lib/models/promotion-guard";

describe("promotion guard", () => {
  it("needs an override to promote below production's mAP@0.5, or unevaluated against an evaluated production", () => {
    expect(promotionShortfall("canary", { map50: 0.3 }, { map50: 0.4 })).toMatch(/0\.300.*0\.400/);
    expect(promotionShortfall("production", null, { map50: 0.4 })).toMatch(/none/);
    expect(() => assertPromotionAllowed("canary", { map50: 0.3 }, { map50: 0.4 })).toThrow(AppError);
    expect(() => assertPromotionAllowed("canary", { map50: 0.3 }, { map50: 0.4 }, "more recall wanted")).not.toThrow();
  });

  it("lets equal or better versions, non-serving stages and unevaluated productions through", () => {
    expect(promotionShortfall("canary", { map50: 0.4 }, { map50: 0.4 })).toBeNull();
    expect(promotionShortfall("staging", { map50: 0.1 }, { map50: 0.4 })).toBeNull();
    expect(promotionShortfall("production", { map50: 0.1 }, { map50: null })).toBeNull();
    expect(promotionShortfall("production", null, null)).toBeNull();
  });

  it("carries both figures in the error details", () => {
    try {
      assertPromotionAllowed("production", { map50: 0.2 }, { map50: 0.5 });
    } catch (e) {
      expect(e).toMatchObject({ code: "unprocessable", details: { overrideRequired: true, candidateMap50: 0.2, productionMap50: 0.5 } });
    }
    expect.assertions(1);
  });

  it("needs an override to serve a version on another engine than it was evaluated on (fp32 vs OpenVINO bf16)", () => {
    expect(engineMismatch("production", "cpu", "kserve:openvino/bf16")).toMatch(/evaluated on cpu but would run on kserve:openvino\/bf16/);
    expect(engineMismatch("canary", "kserve:openvino/f32", "kserve:openvino/bf16")).not.toBeNull();
    expect(engineMismatch("production", "kserve:openvino/bf16", "kserve:openvino/bf16")).toBeNull();
    expect(engineMismatch("staging", "cpu", "kserve:openvino/bf16")).toBeNull();
    expect(engineMismatch("production", null, "kserve:openvino/bf16")).toBeNull(); // evaluated before engines were recorded
    expect(() => assertEngineEvaluated("production", "cpu", "kserve:openvino/bf16")).toThrow(AppError);
    expect(() => assertEngineEvaluated("production", "cpu", "kserve:openvino/bf16", "bf16 measured offline")).not.toThrow();
  });
});
