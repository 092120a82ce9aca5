import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  area,
  clampBox,
  cocoToXyxy,
  cxcywhToXyxy,
  iou,
  normToPixel,
  pixelToNorm,
  pixelToYolo,
  xyxyToCoco,
  yoloToPixel,
  type BoxXyxy,
} from "./convert";

const size = { width: 200, height: 100 };

describe("normalised <-> pixel", () => {
  it("divides x by width and y by height", () => {
    expect(pixelToNorm([20, 10, 100, 50], size)).toEqual([0.1, 0.1, 0.5, 0.5]);
    expect(normToPixel([0.1, 0.1, 0.5, 0.5], size)).toEqual([20, 10, 100, 50]);
  });
  it("rejects a zero or non-finite size", () => {
    expect(() => pixelToNorm([0, 0, 1, 1], { width: 0, height: 10 })).toThrow(AppError);
    expect(() => normToPixel([0, 0, 1, 1], { width: 10, height: Number.NaN })).toThrow(AppError);
  });
});

describe("YOLO cx,cy,w,h normalised <-> pixel xyxy", () => {
  it("converts a hand-computed box", () => {
    // centre (0.5, 0.5) of 200x100 = (100, 50); size 0.2x0.4 = 40x40 px
    expect(yoloToPixel([0.5, 0.5, 0.2, 0.4], size)).toEqual([80, 30, 120, 70]);
    expect(pixelToYolo([80, 30, 120, 70], size)).toEqual([0.5, 0.5, 0.2, 0.4]);
  });
  it("round-trips", () => {
    const b: BoxXyxy = [13, 7, 151, 93];
    const back = yoloToPixel(pixelToYolo(b, size), size);
    back.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 10));
  });
  it("converts centre-size corners in one unit", () => {
    expect(cxcywhToXyxy(8, 8, 8, 4)).toEqual([4, 6, 12, 10]);
  });
});

describe("COCO xywh <-> xyxy", () => {
  it("converts both ways", () => {
    expect(cocoToXyxy([10, 20, 30, 40])).toEqual([10, 20, 40, 60]);
    expect(xyxyToCoco([10, 20, 40, 60])).toEqual([10, 20, 30, 40]);
  });
});

describe("clamp, area, iou", () => {
  it("clamps corners into the image", () => {
    expect(clampBox([-5, -1, 250, 120], size)).toEqual([0, 0, 200, 100]);
    expect(clampBox([5, 6, 7, 8], size)).toEqual([5, 6, 7, 8]);
  });
  it("computes area with no +1 and 0 for inverted boxes", () => {
    expect(area([0, 0, 10, 5])).toBe(50);
    expect(area([10, 0, 0, 5])).toBe(0);
  });
  it("computes iou by hand", () => {
    // two 8x8 boxes shifted by 1 px: inter 7*8 = 56, union 128 - 56 = 72
    expect(iou([4, 4, 12, 12], [5, 4, 13, 12])).toBeCloseTo(56 / 72, 12);
    expect(iou([0, 0, 10, 10], [0, 0, 10, 10])).toBe(1);
    expect(iou([0, 0, 10, 10], [10, 0, 20, 10])).toBe(0); // touching edges
    expect(iou([0, 0, 0, 0], [0, 0, 0, 0])).toBe(0);
    expect(iou([0, 0, 10, 10], [5, 5, 15, 15])).toBeCloseTo(25 / 175, 12);
  });
});

describe("iou", () => {
  it("is intersection over union in pixels", () => {
    expect(iou([0, 0, 10, 10], [0, 0, 10, 10])).toBe(1);
    expect(iou([0, 0, 10, 10], [5, 0, 15, 10])).toBeCloseTo(50 / 150); // half overlap
    expect(iou([0, 0, 10, 10], [1, 1, 11, 11])).toBeCloseTo(81 / 119);
    expect(iou([0, 0, 10, 10], [10, 0, 20, 10])).toBe(0); // touching edges
    expect(iou([0, 0, 10, 10], [20, 20, 30, 30])).toBe(0);
  });
});
