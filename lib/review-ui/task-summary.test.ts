import { describe, expect, it } from "vitest";
import type { ReviewItem } from "./review-items";
import { taskSummary } from "./task-summary";

const item = (key: string, status: ReviewItem["status"], className = "ILD", o: Partial<ReviewItem> = {}): ReviewItem => ({
  key,
  kind: status === "added" ? "reader" : "ai",
  instanceId: "i1",
  frame: 1,
  className,
  box: [1, 1, 9, 9],
  status,
  rejectReason: null,
  deleted: false,
  ...o,
});

describe("task summary", () => {
  it("counts what goes into the label, what is left out, and lists the undecided AI suggestions", () => {
    const items = [
      item("f:1", "accepted", "Nodule/Mass"),
      item("f:2", "edited", "ILD"),
      item("l:3", "added", "ILD"),
      item("l:4", "added", "Atelectasis", { deleted: true }),
      item("f:5", "rejected"),
      item("f:6", "pending", "Pleural effusion"),
      item("f:7", "pending", "Calcification"),
    ];
    const s = taskSummary(
      items,
      items.filter((i) => i.key !== "f:7"),
    ); // f:7 is below the display threshold
    expect(s.kept).toEqual({ accepted: 1, edited: 1, added: 1, total: 3 });
    expect(s.byClass).toEqual([
      { className: "ILD", count: 2 },
      { className: "Nodule/Mass", count: 1 },
    ]);
    expect(s.rejected).toBe(1);
    expect(s.undecided.map((i) => i.key)).toEqual(["f:6"]);
    expect(s.hiddenUndecided).toBe(1);
  });

  it("is empty for a study with nothing on it", () => {
    expect(taskSummary([])).toEqual({
      kept: { accepted: 0, edited: 0, added: 0, total: 0 },
      byClass: [],
      rejected: 0,
      undecided: [],
      hiddenUndecided: 0,
    });
  });
});
