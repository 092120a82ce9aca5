import { describe, expect, it } from "vitest";
import { alignBox, findingsDiff } from "./findings-diff";

describe("findings diff against a prior", () => {
  it("maps a box between lung fields by scale and shift", () => {
    expect(alignBox([20, 20, 40, 40], [10, 10, 110, 110], [20, 40, 220, 240])).toEqual([40, 60, 80, 100]);
  });

  it("says persisting, resolved and new, matching same-class boxes at IoU ≥ 0.2 after alignment", () => {
    // The current film is the prior shifted by 50 px and scaled ×2: without alignment nothing would overlap.
    const priorLung: [number, number, number, number] = [10, 10, 110, 110];
    const currentLung: [number, number, number, number] = [60, 60, 260, 260];
    const diff = findingsDiff({
      prior: [
        { id: "p1", className: "Nodule/Mass", box: [20, 20, 40, 40] }, // → [80, 80, 120, 120]
        { id: "p2", className: "Pleural effusion", box: [60, 80, 100, 105] }, // gone on the current film
        { id: "p3", className: "ILD", box: [20, 60, 50, 90] }, // → [80, 160, 140, 220], but the current box there is another class
      ],
      current: [
        { id: "c1", className: "Nodule/Mass", box: [85, 85, 125, 125] },
        { id: "c2", className: "Atelectasis", box: [80, 160, 140, 220] },
      ],
      priorLung,
      currentLung,
    });
    expect(diff.prior.map((d) => [d.status, d.className, d.priorId, d.currentId])).toEqual([
      ["persisting", "Nodule/Mass", "p1", "c1"],
      ["resolved", "Pleural effusion", "p2", null],
      ["resolved", "ILD", "p3", null],
    ]);
    expect(diff.current.map((d) => [d.status, d.className, d.priorId, d.currentId])).toEqual([
      ["persisting", "Nodule/Mass", "p1", "c1"],
      ["new", "Atelectasis", null, "c2"],
    ]);
    expect(diff.prior[0]!.iou).toBeGreaterThan(0.5);
    expect(diff.prior[0]!.priorBoxAligned).toEqual([80, 80, 120, 120]);
  });

  it("keeps the threshold at 0.2, and matches per box: the reader's and the AI's box on one prior finding both persist", () => {
    const lung: [number, number, number, number] = [0, 0, 100, 100];
    const diff = findingsDiff({
      prior: [
        { id: "p1", className: "ILD", box: [0, 0, 10, 10] },
        { id: "p3", className: "ILD", box: [50, 50, 60, 60] },
      ],
      current: [
        { id: "reader", className: "ILD", box: [0, 0, 10, 10] },
        { id: "ai", className: "ILD", box: [1, 1, 11, 11] },
        { id: "c2", className: "ILD", box: [57, 57, 67, 67] },
      ],
      priorLung: lung,
      currentLung: lung,
    });
    expect(diff.prior.map((d) => [d.status, d.currentId])).toEqual([
      ["persisting", "reader"],
      ["resolved", null],
    ]); // 9/191 ≈ 0.05 < 0.2
    expect(diff.current.map((d) => [d.currentId, d.status])).toEqual([
      ["reader", "persisting"],
      ["ai", "persisting"],
      ["c2", "new"],
    ]);
  });
});
