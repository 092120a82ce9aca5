import { describe, expect, it } from "vitest";
import { matchBoxes, type ReadBox } from "@/lib/agreement/match-boxes";

const rb = (id: string, box: [number, number, number, number], className = "Nodule/Mass", imageId = "i1"): ReadBox => ({
  id,
  imageId,
  className,
  box,
});

describe("matchBoxes", () => {
  it("matches at IoU ≥ 0.4 (inclusive), same class and image only", () => {
    // [0,0,10,10] vs [0,0,10,25]: inter 100, union 250 → exactly 0.4
    const r = matchBoxes([rb("a1", [0, 0, 10, 10])], [rb("b1", [0, 0, 10, 25])]);
    expect(r.matched.map((m) => [m.a.id, m.b.id, m.iou])).toEqual([["a1", "b1", 0.4]]);
    const other = matchBoxes(
      [rb("a1", [0, 0, 10, 10])],
      [rb("b1", [0, 0, 10, 10], "Cardiomegaly"), rb("b2", [0, 0, 10, 10], "Nodule/Mass", "i2")],
    );
    expect(other.matched).toEqual([]);
    expect(other.onlyA.map((x) => x.id)).toEqual(["a1"]);
    expect(other.onlyB.map((x) => x.id)).toEqual(["b1", "b2"]);
  });

  it("does not match just below the threshold", () => {
    // inter 100, union 10*26=260 → 0.3846
    const r = matchBoxes([rb("a1", [0, 0, 10, 10])], [rb("b1", [0, 0, 10, 26])]);
    expect(r.matched).toHaveLength(0);
  });

  it("is one-to-one and takes the best pairs first", () => {
    // a1 overlaps b1 (0.68) and b2 (1.0); a2 overlaps b1 only (0.68). Greedy: a1-b2 (1.0), then a2-b1.
    const a = [rb("a1", [1, 1, 11, 11]), rb("a2", [0, 0, 10, 10])];
    const b = [rb("b1", [0, 0, 10, 10]), rb("b2", [1, 1, 11, 11])];
    const r = matchBoxes(a, b);
    expect(r.matched.map((m) => `${m.a.id}-${m.b.id}`).sort()).toEqual(["a1-b2", "a2-b1"]);
    const one = matchBoxes([rb("a1", [0, 0, 10, 10])], [rb("b1", [0, 0, 10, 10]), rb("b2", [0, 0, 10, 10])]);
    expect(one.matched).toHaveLength(1);
    expect(one.onlyB.map((x) => x.id)).toEqual(["b2"]);
  });
});
