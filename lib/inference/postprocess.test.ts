import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { decodeDetections, type Detection } from "./postprocess";
import type { Letterbox } from "./preprocess";
import { TINY_NAMES, tinyAnchorsOutput, tinyEndToEndOutput } from "./testing/tiny-yolo-fixture";

const identity: Letterbox = { scale: 1, padX: 0, padY: 0, srcWidth: 32, srcHeight: 32, inputWidth: 32, inputHeight: 32 };
const f = Math.fround;
const brief = (ds: Detection[]) => ds.map((d) => [d.className, d.confidence, ...d.box]);

describe("decodeDetections, YOLOv8/11 head [B, 4+nc, N]", () => {
  it("filters by confidence, picks each anchor's best class and runs class-wise NMS", () => {
    const [dets] = decodeDetections(tinyAnchorsOutput([0]), "anchors", TINY_NAMES, [identity]);
    // anchor 1 (IoU 0.78 with 0) and 4 (IoU 0.6 with 3) are suppressed; 5 (0.2) and 7 (0.1) fall below 0.25
    expect(brief(dets!)).toEqual([
      ["Mass", f(0.9), 4, 4, 12, 12],
      ["Nodule", f(0.7), 5, 5, 13, 13],
      ["Mass", f(0.6), 20, 20, 28, 28],
      ["Nodule", f(0.35), 25, 1, 31, 7],
    ]);
    expect(dets![0]).toMatchObject({ classIndex: 0, finding: "Nodule/Mass", boxNorm: [4 / 32, 4 / 32, 12 / 32, 12 / 32] });
  });

  it("suppresses across classes when agnostic, and keeps overlaps under a looser IoU", () => {
    const out = tinyAnchorsOutput([0]);
    const agnostic = decodeDetections(out, "anchors", TINY_NAMES, [identity], { agnostic: true })[0]!;
    expect(agnostic.map((d) => d.confidence)).toEqual([f(0.9), f(0.6), f(0.35)]); // anchor 2: IoU 0.62 with 0
    const loose = decodeDetections(out, "anchors", TINY_NAMES, [identity], { iou: 0.8 })[0]!;
    expect(loose.map((d) => d.confidence)).toEqual([0.9, 0.8, 0.7, 0.6, 0.5, 0.35].map(f));
  });

  it("applies per-class thresholds to each anchor's best class only", () => {
    const out = tinyAnchorsOutput([0]);
    // anchor 6 is Nodule 0.35 / Mass 0.3: a Nodule threshold of 0.4 drops it, it does not become a Mass
    const dets = decodeDetections(out, "anchors", TINY_NAMES, [identity], { classConfidence: { Nodule: 0.4 } })[0]!;
    expect(brief(dets).map((d) => d[1])).toEqual([0.9, 0.7, 0.6].map(f));
    const low = decodeDetections(out, "anchors", TINY_NAMES, [identity], { classConfidence: { Nodule: 0.15 } })[0]!;
    expect(low.some((d) => d.confidence === f(0.2))).toBe(true); // anchor 5 now passes
    const strict = decodeDetections(out, "anchors", TINY_NAMES, [identity], { confidence: 0.9 })[0]!;
    expect(strict).toEqual([]); // 0.9 in float32 is below 0.9: strictly greater is required
  });

  it("multi-label: every class above the threshold is a candidate (the validator's rule), NMS per class", () => {
    const out = tinyAnchorsOutput([0]);
    const single = decodeDetections(out, "anchors", TINY_NAMES, [identity], { confidence: 0.01, iou: 0.7 })[0]!;
    const multi = decodeDetections(out, "anchors", TINY_NAMES, [identity], { confidence: 0.01, iou: 0.7, multiLabel: true })[0]!;
    // anchor 0 scores Mass 0.9 and Nodule 0.05; only multi-label keeps its Nodule box
    expect(single.some((d) => d.className === "Nodule" && d.confidence === Math.fround(0.05))).toBe(false);
    expect(multi.some((d) => d.className === "Nodule" && d.confidence === Math.fround(0.05))).toBe(true);
    expect(multi.length).toBeGreaterThan(single.length);
  });

  it("honours classes and maxDetections", () => {
    const out = tinyAnchorsOutput([0]);
    expect(decodeDetections(out, "anchors", TINY_NAMES, [identity], { classes: [1] })[0]!.map((d) => d.className)).toEqual([
      "Nodule",
      "Nodule",
    ]);
    expect(decodeDetections(out, "anchors", TINY_NAMES, [identity], { maxDetections: 2 })[0]!).toHaveLength(2);
  });

  it("maps boxes back through non-square letterboxes per batch item and ignores padding items", () => {
    // item 0: 48x32 -> r = 2/3, 32x21, padY 5; item 1: 20x40 -> r = 0.8, 16x32, padX 8; item 2: batch padding
    const wide: Letterbox = { scale: 2 / 3, padX: 0, padY: 5, srcWidth: 48, srcHeight: 32, inputWidth: 32, inputHeight: 32 };
    const tall: Letterbox = { scale: 0.8, padX: 8, padY: 0, srcWidth: 20, srcHeight: 40, inputWidth: 32, inputHeight: 32 };
    const [a, b] = decodeDetections(tinyAnchorsOutput([0, 1, 0.5]), "anchors", TINY_NAMES, [wide, tall]);
    const close = (got: number[], want: number[]) => got.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 5));
    // x' = (x - padX) / r, y' = (y - padY) / r, clamped to the image
    close(a![0]!.box, [6, 0, 18, 10.5]);
    close(a![1]!.box, [7.5, 0, 19.5, 12]);
    close(a![2]!.box, [30, 22.5, 42, 32]);
    close(a![3]!.box, [37.5, 0, 46.5, 3]);
    close(a![0]!.boxNorm, [6 / 48, 0, 18 / 48, 10.5 / 32]);
    // item 1's input mean is 1, so anchor 7 scores 0.6 and is kept
    expect(b!.map((d) => d.confidence)).toEqual([0.9, 0.7, 0.6, 0.6, 0.35].map(f));
    close(b![0]!.box, [0, 5, 5, 15]);
    close(b![3]!.box, [0, 13.75, 20, 26.25]); // anchor 7: (1, 11, 31, 21)
  });

  it("rejects outputs that do not fit the model or the batch", () => {
    const out = tinyAnchorsOutput([0]);
    expect(() => decodeDetections(out, "anchors", ["a", "b", "c"], [identity])).toThrow(AppError);
    expect(() => decodeDetections(out, "anchors", TINY_NAMES, [identity, identity])).toThrow(AppError);
    expect(() => decodeDetections({ data: out.data.subarray(1), dims: out.dims }, "anchors", TINY_NAMES, [identity])).toThrow(AppError);
  });
});

describe("decodeDetections, end-to-end head [B, N, 6]", () => {
  it("filters rows by score with no NMS and maps them back", () => {
    const half: Letterbox = { scale: 2, padX: 0, padY: 0, srcWidth: 16, srcHeight: 16, inputWidth: 32, inputHeight: 32 };
    const [a, b] = decodeDetections(tinyEndToEndOutput([0, 1]), "end2end", TINY_NAMES, [identity, half]);
    expect(brief(a!)).toEqual([
      ["Mass", f(0.9), 4, 4, 12, 12],
      ["Nodule", f(0.7), 5, 5, 13, 13],
      ["Mass", f(0.6), 20, 20, 28, 28],
      ["Nodule", f(0.35), 25, 1, 31, 7],
    ]);
    expect(brief(b!)).toEqual([
      ["Mass", f(0.9), 2, 2, 6, 6],
      ["Nodule", f(0.7), 2.5, 2.5, 6.5, 6.5],
      ["Mass", f(0.6), 10, 10, 14, 14],
      ["Nodule", f(0.6), 0.5, 5.5, 15.5, 10.5],
      ["Nodule", f(0.35), 12.5, 0.5, 15.5, 3.5],
    ]);
  });

  it("skips rows whose class index is outside the names", () => {
    const out = tinyEndToEndOutput([0]);
    out.data[5] = 7; // row 0's class
    expect(decodeDetections(out, "end2end", TINY_NAMES, [identity])[0]!.map((d) => d.confidence)[0]).toBe(f(0.7));
  });
});
