import { describe, expect, it } from "vitest";
import type { BoxXyxy } from "@/lib/boxes/convert";
import { nonMaxSuppression } from "./nms";

const cand = (id: string, box: BoxXyxy, score: number, classIndex = 0) => ({ id, box, score, classIndex });
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
const opts = { iou: 0.45, maxDetections: 300, agnostic: false };

describe("nonMaxSuppression", () => {
  it("is greedy by score: a suppressed box suppresses nothing", () => {
    // A∩B: 70/130 = 0.54 (suppressed); A∩C: 40/160 = 0.25; B∩C: 0.54 but B is gone, so C stays
    const a = cand("A", [0, 0, 10, 10], 0.9);
    const b = cand("B", [3, 0, 13, 10], 0.8);
    const c = cand("C", [6, 0, 16, 10], 0.7);
    expect(ids(nonMaxSuppression([c, b, a], opts))).toEqual(["A", "C"]);
  });

  it("suppresses only within a class unless agnostic", () => {
    const a = cand("A", [0, 0, 10, 10], 0.9, 0);
    const b = cand("B", [1, 0, 11, 10], 0.8, 1);
    expect(ids(nonMaxSuppression([a, b], opts))).toEqual(["A", "B"]);
    expect(ids(nonMaxSuppression([a, b], { ...opts, agnostic: true }))).toEqual(["A"]);
  });

  it("keeps a box whose IoU equals the threshold (strictly greater suppresses)", () => {
    const a = cand("A", [0, 0, 10, 10], 0.9);
    const b = cand("B", [0, 0, 10, 5], 0.8); // IoU exactly 0.5
    expect(ids(nonMaxSuppression([a, b], { ...opts, iou: 0.5 }))).toEqual(["A", "B"]);
    expect(ids(nonMaxSuppression([a, b], { ...opts, iou: 0.49 }))).toEqual(["A"]);
  });

  it("caps the result at maxDetections, best first, ties in input order", () => {
    const xs = [cand("a", [0, 0, 1, 1], 0.5), cand("b", [2, 2, 3, 3], 0.7), cand("c", [4, 4, 5, 5], 0.5)];
    expect(ids(nonMaxSuppression(xs, opts))).toEqual(["b", "a", "c"]);
    expect(ids(nonMaxSuppression(xs, { ...opts, maxDetections: 2 }))).toEqual(["b", "a"]);
  });
});
