import { describe, expect, it } from "vitest";
import { addedLabel, fromOrigin, nextLabelState, type Origin } from "@/lib/reviews/label-transitions";

const origin: Origin = { className: "Nodule/Mass", box: [10, 10, 30, 30] };

describe("nextLabelState", () => {
  it("creates a label from an AI finding on the first verdict", () => {
    expect(nextLabelState(null, origin, { op: "accept" })).toEqual({ change: "accept", state: fromOrigin(origin) });
    expect(nextLabelState(null, origin, { op: "reject", reason: "rib" })).toEqual({
      change: "reject",
      state: { ...fromOrigin(origin), rejected: true, rejectReason: "rib" },
    });
    expect(nextLabelState(null, origin, { op: "edit", className: "ILD" })?.state).toMatchObject({
      source: "ai_edited",
      className: "ILD",
      box: [10, 10, 30, 30],
    });
  });

  it("returns null when the label already is in that state (idempotent verdicts)", () => {
    const accepted = fromOrigin(origin);
    expect(nextLabelState(accepted, origin, { op: "accept" })).toBeNull();
    expect(nextLabelState(accepted, origin, { op: "edit", box: [10, 10, 30, 30] })).toBeNull();
    const rejected = { ...accepted, rejected: true, rejectReason: "rib" };
    expect(nextLabelState(rejected, origin, { op: "reject", reason: "rib" })).toBeNull();
    expect(nextLabelState(rejected, origin, { op: "reject", reason: "clip" })?.change).toBe("reject");
  });

  it("accept restores the AI box; edit withdraws a rejection; edits back to the AI box are ai_accepted", () => {
    const edited = {
      ...fromOrigin(origin),
      source: "ai_edited" as const,
      box: [1, 1, 5, 5] as [number, number, number, number],
      rejected: true,
      rejectReason: "x",
    };
    expect(nextLabelState(edited, origin, { op: "accept" })?.state).toEqual(fromOrigin(origin));
    expect(nextLabelState(edited, origin, { op: "edit", box: [2, 2, 6, 6] })?.state).toMatchObject({
      source: "ai_edited",
      rejected: false,
      rejectReason: null,
    });
    expect(nextLabelState(edited, origin, { op: "edit", box: [10, 10, 30, 30] })?.state.source).toBe("ai_accepted");
  });

  it("deletes and restores reader-added labels only", () => {
    const mine = addedLabel([1, 1, 5, 5], "ILD");
    const deleted = nextLabelState(mine, null, { op: "delete" });
    expect(deleted).toEqual({ change: "delete", state: { ...mine, deleted: true } });
    expect(nextLabelState(deleted!.state, null, { op: "delete" })).toBeNull();
    expect(() => nextLabelState(deleted!.state, null, { op: "edit", className: "ILD" })).toThrow(
      expect.objectContaining({ code: "unprocessable" }),
    );
    expect(nextLabelState(deleted!.state, null, { op: "restore" })).toEqual({ change: "restore", state: mine });
    expect(nextLabelState(mine, null, { op: "restore" })).toBeNull();
    expect(() => nextLabelState(fromOrigin(origin), origin, { op: "delete" })).toThrow(expect.objectContaining({ code: "unprocessable" }));
    expect(() => nextLabelState(mine, null, { op: "accept" })).toThrow(expect.objectContaining({ code: "unprocessable" }));
    expect(() => nextLabelState(mine, null, { op: "reject" })).toThrow(expect.objectContaining({ code: "unprocessable" }));
    expect(nextLabelState(mine, null, { op: "edit", box: [0, 0, 9, 9] })?.state.source).toBe("reader_added");
  });
});
