import { describe, expect, it } from "vitest";
import type { LabelDto, StudyReviewDto } from "@/lib/schemas/review";
import { instanceIdFromImageId, nextItemKey, viewItems, visibleItems } from "./review-items";

const finding = (id: string, confidence: number, className = "Nodule/Mass") => ({
  id,
  instanceId: "i1",
  frame: 1,
  predictionId: "p1",
  modelVersionId: "m1",
  className,
  modelClass: "mass",
  confidence,
  box: [10, 10, 50, 50] as [number, number, number, number],
});
const label = (o: Partial<LabelDto>): LabelDto => ({
  id: "L1",
  instanceId: null,
  frame: 1,
  originFindingId: null,
  origin: null,
  source: "reader_added",
  className: "ILD",
  box: [1, 1, 9, 9],
  rejected: false,
  rejectReason: null,
  deleted: false,
  revision: 1,
  createdAt: "",
  updatedAt: "",
  ...o,
});
function state(labels: LabelDto[], findings = [finding("f1", 0.9), finding("f2", 0.1), finding("f3", 0.5, "ILD")]): StudyReviewDto {
  return {
    studyId: "s1",
    studyStatus: "in_review",
    purpose: "primary",
    modelVersion: { id: "m1", name: "demo", version: "1", thresholds: { confidence: 0.25, perClass: {} } },
    instances: [{ id: "i1", rows: 100, columns: 100, frames: 1 }],
    findings,
    review: {
      id: "r1",
      studyId: "s1",
      reader: { id: "u", email: "u@x", name: "U" },
      role: "radiologist",
      purpose: "primary",
      status: "in_progress",
      version: 3,
      impression: null,
      comment: null,
      modelVersionId: "m1",
      startedAt: "",
      updatedAt: "",
      signedOffAt: null,
      round: 0,
      amendsId: null,
      labels,
    },
    amendable: null,
  };
}

describe("review items", () => {
  it("derives each AI finding's verdict from its label and lists reader labels", () => {
    const items = viewItems(
      state([
        label({ id: "L2", originFindingId: "f1", source: "ai_edited", box: [12, 12, 40, 40] }),
        label({ id: "L3", originFindingId: "f3", source: "ai_accepted", rejected: true, rejectReason: "noise" }),
        label({}),
      ]),
      [],
    );
    expect(items.map((i) => [i.key, i.status])).toEqual([
      ["f:f1", "edited"],
      ["f:f2", "pending"],
      ["f:f3", "rejected"],
      ["l:L1", "added"],
    ]);
    expect(items[0]!.box).toEqual([12, 12, 40, 40]);
  });

  it("applies unsaved operations optimistically with the server's rules", () => {
    const items = viewItems(state([]), [
      { op: "edit", findingId: "f1", box: [10, 10, 60, 60] },
      { op: "reject", findingId: "f2", reason: "rib" },
      { op: "edit", findingId: "f3", box: [10, 10, 50, 50] }, // same as the AI box: counts as accepted
      { op: "add", tempId: "tmp-1", box: [0, 0, 5, 5], className: "ILD" },
    ]);
    expect(items.map((i) => [i.key, i.status, i.instanceId])).toEqual([
      ["f:f1", "edited", "i1"],
      ["f:f2", "rejected", "i1"],
      ["f:f3", "accepted", "i1"],
      ["t:tmp-1", "added", "i1"],
    ]);
    const accepted = viewItems(state([]), [
      { op: "edit", findingId: "f1", box: [1, 1, 2, 2] },
      { op: "accept", findingId: "f1" },
    ]);
    expect(accepted[0]).toMatchObject({ status: "accepted", box: [10, 10, 50, 50] });
  });

  it("filters pending AI suggestions by confidence and class, never hiding decided ones below the threshold", () => {
    const items = viewItems(state([]), [
      { op: "accept", findingId: "f2" },
      { op: "add", tempId: "tmp-1", box: [0, 0, 5, 5], className: "ILD" },
      { op: "delete", labelId: "tmp-1" },
    ]);
    const keys = (confidence: number, hidden: string[]) =>
      visibleItems(items, { thresholds: { confidence, perClass: {} }, hiddenClasses: new Set(hidden), instanceId: "i1" }).map((i) => i.key);
    expect(keys(0.25, [])).toEqual(["f:f1", "f:f2", "f:f3"]);
    expect(keys(0.6, ["ILD"])).toEqual(["f:f1", "f:f2"]);
  });

  it("applies each AI finding's class threshold (else the global one) and always shows decided and reader boxes", () => {
    const findings = [
      finding("m9", 0.9),
      finding("m4", 0.4),
      finding("m2", 0.2),
      finding("i5", 0.5, "ILD"),
      finding("i3", 0.3, "ILD"),
      finding("p1", 0.1, "Pneumothorax"),
    ];
    // m2 was rejected and i3 edited to another class: decided, so shown whatever the thresholds; L1 is the reader's own box.
    const items = viewItems(
      state([label({}), label({ id: "L2", originFindingId: "i3", source: "ai_edited", className: "Nodule/Mass" })], findings),
      [{ op: "reject", findingId: "m2" }],
    );
    const keys = (confidence: number, perClass: Record<string, number>) =>
      visibleItems(items, { thresholds: { confidence, perClass }, hiddenClasses: new Set(), instanceId: "i1" }).map((i) => i.key);
    // Global 0.25 only: m9, m4, i5 reach it; m2 (decided), i3 (decided), L1 (reader) always; p1 0.1 < 0.25.
    expect(keys(0.25, {})).toEqual(["f:m9", "f:m4", "f:m2", "f:i5", "f:i3", "l:L1"]);
    // Nodule/Mass raised to 0.5 hides m4 (0.4) only; ILD and the rest keep the global 0.25.
    expect(keys(0.25, { "Nodule/Mass": 0.5 })).toEqual(["f:m9", "f:m2", "f:i5", "f:i3", "l:L1"]);
    // A per-class value wins over the global one in both directions: Pneumothorax at 0.1 shows p1 (0.1 ≥ 0.1) under a 0.6 global.
    expect(keys(0.6, { Pneumothorax: 0.1 })).toEqual(["f:m9", "f:m2", "f:i3", "f:p1", "l:L1"]);
    // At exactly the threshold a suggestion is shown; just above it, hidden.
    expect(keys(0.25, { ILD: 0.5 })).toContain("f:i5");
    expect(keys(0.25, { ILD: 0.51 })).not.toContain("f:i5");
  });

  it("cycles with N and reads the instance from the viewer's image id", () => {
    const items = viewItems(state([]), []);
    expect(nextItemKey(items, null)).toBe("f:f1");
    expect(nextItemKey(items, "f:f3")).toBe("f:f1");
    expect(instanceIdFromImageId("cxr-preview:/api/v1/instances/abc123/file")).toBe("abc123");
  });

  it("shows each box only on its own frame of a multi-frame image, and adds a drawn box to the frame on screen", () => {
    const findings = [finding("a", 0.9), { ...finding("b", 0.9), frame: 2 }, { ...finding("c", 0.9), frame: 3 }];
    const items = viewItems(
      {
        ...state([label({ id: "L7", instanceId: "i1", frame: 3 })], findings),
        instances: [{ id: "i1", rows: 100, columns: 100, frames: 3 }],
      },
      [{ op: "add", tempId: "tmp-2", box: [1, 1, 8, 8], className: "ILD", instanceId: "i1", frame: 2 }],
    );
    const on = (frame: number | null) =>
      visibleItems(items, { thresholds: { confidence: 0.25, perClass: {} }, hiddenClasses: new Set(), instanceId: "i1", frame }).map(
        (i) => i.key,
      );
    expect(on(1)).toEqual(["f:a"]);
    expect(on(2)).toEqual(["f:b", "t:tmp-2"]);
    expect(on(3)).toEqual(["f:c", "l:L7"]);
    expect(on(null)).toHaveLength(5);
  });
});
