import { describe, expect, it } from "vitest";
import type { BoxXyxy } from "@/lib/boxes/convert";
import { averagePrecision, boxIou, matchDetections, meanAp, vocAp } from "@/lib/evaluation/average-precision";
import { falsePositives, scoreDetections } from "@/lib/evaluation/score-detections";

const gts = (entries: Record<string, BoxXyxy[]>) => new Map(Object.entries(entries));

describe("boxIou", () => {
  it("uses continuous coordinates", () => {
    expect(boxIou([0, 0, 10, 10], [5, 0, 15, 10])).toBeCloseTo(50 / 150);
    expect(boxIou([0, 0, 10, 10], [20, 20, 30, 30])).toBe(0);
    expect(boxIou([0, 0, 0, 0], [0, 0, 0, 0])).toBe(0);
  });
});

describe("vocAp", () => {
  it("interpolates precision from the right over recall steps", () => {
    // TP, FP, TP with 2 GT: recall .5 .5 1, precision 1 .5 .667 -> 0.5*1 + 0.5*0.667
    expect(vocAp([0.5, 0.5, 1], [1, 0.5, 2 / 3])).toBeCloseTo(0.5 + 0.5 * (2 / 3));
  });
});

describe("averagePrecision", () => {
  it("is null without ground truth and 0 without detections", () => {
    expect(averagePrecision([{ image: "a", score: 0.9, box: [0, 0, 1, 1] }], gts({}), 0.5)).toBeNull();
    expect(averagePrecision([], gts({ a: [[0, 0, 10, 10]] }), 0.5)).toBe(0);
  });

  it("matches greedily by confidence, each ground-truth box once", () => {
    const truth = gts({ a: [[0, 0, 10, 10]], b: [[0, 0, 10, 10]] });
    const dets = [
      { image: "a", score: 0.9, box: [0, 0, 10, 10] as BoxXyxy },
      { image: "a", score: 0.8, box: [0, 0, 10, 10] as BoxXyxy }, // duplicate: FP
      { image: "b", score: 0.7, box: [1, 1, 10, 10] as BoxXyxy },
    ];
    expect(matchDetections(dets, truth, 0.5).map((m) => m.tp)).toEqual([true, false, true]);
    expect(averagePrecision(dets, truth, 0.5)).toBeCloseTo(0.5 * 1 + 0.5 * (2 / 3));
  });

  it("counts IoU exactly at the threshold as a match (>=) and below it as a miss", () => {
    const truth = gts({ a: [[0, 0, 10, 10]] });
    const half: BoxXyxy = [0, 0, 10, 20]; // IoU 0.5 exactly
    expect(averagePrecision([{ image: "a", score: 1, box: half }], truth, 0.5)).toBe(1);
    const lower: BoxXyxy = [0, 0, 10, 22]; // IoU 0.4545
    expect(averagePrecision([{ image: "a", score: 1, box: lower }], truth, 0.5)).toBe(0);
    expect(averagePrecision([{ image: "a", score: 1, box: lower }], truth, 0.4)).toBe(1);
  });

  it("keeps input order for equal confidences", () => {
    const truth = gts({ a: [[0, 0, 10, 10]] });
    const dets = [
      { image: "a", score: 0.5, box: [50, 50, 60, 60] as BoxXyxy },
      { image: "a", score: 0.5, box: [0, 0, 10, 10] as BoxXyxy },
    ];
    expect(averagePrecision(dets, truth, 0.5)).toBeCloseTo(0.5);
  });
});

describe("scoreDetections", () => {
  it("averages over classes with ground truth only and reports per class", () => {
    const s = scoreDetections(
      [
        { image: "a", className: "Mass", score: 0.9, box: [0, 0, 10, 10] },
        { image: "a", className: "Nodule", score: 0.9, box: [30, 30, 40, 40] },
        { image: "a", className: "Other", score: 0.9, box: [0, 0, 10, 10] },
      ],
      [
        { image: "a", className: "Mass", box: [0, 0, 10, 10] },
        { image: "a", className: "Nodule", box: [0, 0, 10, 10] },
      ],
      ["Mass", "Nodule", "Effusion"],
    );
    expect(s.perClass.Mass).toEqual({ gt: 1, detections: 1, ap50: 1, ap40: 1 });
    expect(s.perClass.Nodule!.ap50).toBe(0);
    expect(s.perClass.Effusion!.ap50).toBeNull();
    expect(s.map50).toBe(0.5);
    expect(meanAp({ a: null })).toBeNull();
  });

  it("counts unmatched detections as false positives", () => {
    const fp = falsePositives(
      [
        { image: "a", className: "Mass", score: 0.9, box: [0, 0, 10, 10] },
        { image: "b", className: "Mass", score: 0.8, box: [0, 0, 10, 10] },
      ],
      [{ image: "a", className: "Mass", box: [0, 0, 10, 10] }],
      ["Mass"],
    );
    expect(fp).toEqual({ Mass: 1 });
  });
});
