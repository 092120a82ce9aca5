import { describe, expect, it } from "vitest";
import { weightedBoxesFusion, type WbfInput } from "@/lib/agreement/wbf";

const b = (id: string, reader: number, box: [number, number, number, number], score?: number, className = "Nodule/Mass"): WbfInput => ({
  id,
  reader,
  imageId: "i",
  className,
  box,
  score,
});

describe("weighted boxes fusion", () => {
  it("averages two overlapping readers' boxes; both readers → score 1", () => {
    const [f, ...rest] = weightedBoxesFusion([b("a", 0, [0, 0, 10, 10]), b("b", 1, [2, 2, 12, 12])], 2);
    expect(rest).toEqual([]);
    expect(f!.box).toEqual([1, 1, 11, 11]);
    expect(f!.score).toBe(1);
    expect(f!.members.map((m) => m.id)).toEqual(["a", "b"]);
  });

  it("weights coordinates by score; the score is the mean times min(readers, members) / Σweights", () => {
    // x1 = (0·0.9 + 1·0.3) / 1.2 = 0.25; score = (0.9 + 0.3) / 2 · 2 / 2 = 0.6
    const [f] = weightedBoxesFusion([b("a", 0, [0, 0, 10, 10], 0.9), b("b", 1, [1, 1, 11, 11], 0.3)], 2);
    expect(f!.box[0]).toBeCloseTo(0.25);
    expect(f!.box[2]).toBeCloseTo(10.25);
    expect(f!.score).toBeCloseTo(0.6);
  });

  it("keeps boxes only one reader drew, at half score, and never fuses across classes or at IoU ≤ threshold", () => {
    const fused = weightedBoxesFusion(
      [b("a", 0, [0, 0, 10, 10]), b("b", 1, [0, 0, 10, 10], 1, "Cardiomegaly"), b("c", 1, [0, 0, 10, 25])], // IoU(a,c) = 0.4 exactly: not > 0.4
      2,
    );
    expect(fused.map((f) => [f.className, f.box, f.score])).toEqual([
      ["Nodule/Mass", [0, 0, 10, 10], 0.5],
      ["Cardiomegaly", [0, 0, 10, 10], 0.5],
      ["Nodule/Mass", [0, 0, 10, 25], 0.5],
    ]);
  });

  it("a third box joins the fused box when it overlaps the running mean; reader weights count", () => {
    // Reader 0 weight 3, reader 1 weight 1: x = (0·3 + 4·1) / 4 = 1; score = (3 + 1) / 2 · 2 / 4 = 1.
    const [f] = weightedBoxesFusion([b("a", 0, [0, 0, 10, 10]), b("b", 1, [4, 0, 14, 10])], 2, { weights: [3, 1] });
    expect(f!.box).toEqual([1, 0, 11, 10]);
    expect(f!.score).toBe(1);
    // Three readers' boxes fuse into one with the plain mean.
    const [g] = weightedBoxesFusion([b("a", 0, [0, 0, 10, 10]), b("b", 1, [2, 0, 12, 10]), b("c", 2, [4, 0, 14, 10])], 3);
    expect(g!.box).toEqual([2, 0, 12, 10]);
    expect(g!.members).toHaveLength(3);
  });

  it("a custom IoU threshold changes what fuses", () => {
    const boxes = [b("a", 0, [0, 0, 10, 10]), b("b", 1, [5, 0, 15, 10])]; // IoU 1/3
    expect(weightedBoxesFusion(boxes, 2)).toHaveLength(2);
    expect(weightedBoxesFusion(boxes, 2, { iouThreshold: 0.3 })).toHaveLength(1);
  });
});
