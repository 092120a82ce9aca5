import { describe, expect, it } from "vitest";
import { aiStatus } from "./ai-status";
import type { ReviewItem } from "./review-items";

const ai = (key: string, o: Partial<ReviewItem> = {}): ReviewItem => ({
  key,
  kind: "ai",
  findingId: key,
  instanceId: "i1",
  frame: 1,
  className: "ILD",
  box: [1, 1, 9, 9],
  status: "pending",
  rejectReason: null,
  deleted: false,
  ai: { className: "ILD", box: [1, 1, 9, 9], confidence: 0.5 },
  ...o,
});
const added: ReviewItem = { ...ai("l:1"), kind: "reader", status: "added", ai: undefined };

describe("AI status", () => {
  it("tells pending, failed, nothing and no result apart when no suggestion is there", () => {
    expect(aiStatus({ studyStatus: "new", hasModel: false, all: [], shown: [] }).kind).toBe("pending");
    expect(aiStatus({ studyStatus: undefined, hasModel: false, all: [], shown: [] }).kind).toBe("pending");
    expect(aiStatus({ studyStatus: "prediction_failed", hasModel: false, all: [], shown: [] }).kind).toBe("failed");
    expect(aiStatus({ studyStatus: "predicted", hasModel: true, all: [added], shown: [added] })).toEqual({
      kind: "nothing",
      text: "AI found nothing on this study.",
      hidden: 0,
    });
    expect(aiStatus({ studyStatus: "in_review", hasModel: false, all: [], shown: [] }).kind).toBe("none");
  });

  it("counts the suggestions the filters hide", () => {
    const all = [ai("f:1"), ai("f:2"), ai("f:3"), added];
    expect(aiStatus({ studyStatus: "predicted", hasModel: true, all, shown: [all[0]!, added] })).toEqual({
      kind: "hidden",
      text: "AI found 3 suggestions; 2 hidden by filters.",
      hidden: 2,
    });
    expect(aiStatus({ studyStatus: "predicted", hasModel: true, all: [ai("f:1")], shown: [ai("f:1")] })).toMatchObject({
      kind: "shown",
      text: "AI found 1 suggestion, all shown.",
    });
  });
});
