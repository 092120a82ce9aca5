import { describe, expect, it } from "vitest";
import { boxFromPoints, moveBox, projectBox, resizeBox } from "./box-geometry";

const size = { columns: 1000, rows: 800 };

describe("box geometry (image pixels)", () => {
  it("spans two points in any order, clamped to the image, and rejects tiny boxes", () => {
    expect(boxFromPoints({ x: 300, y: 200 }, { x: 100.4, y: 50.6 }, size)).toEqual([100, 51, 300, 200]);
    expect(boxFromPoints({ x: -50, y: 700 }, { x: 40, y: 900 }, size)).toEqual([0, 700, 40, 800]);
    expect(boxFromPoints({ x: 10, y: 10 }, { x: 12, y: 100 }, size)).toBeNull();
  });

  it("moves without resizing and stops at the image edges", () => {
    expect(moveBox([100, 100, 200, 150], 50, -20, size)).toEqual([150, 80, 250, 130]);
    expect(moveBox([100, 100, 200, 150], -500, 5000, size)).toEqual([0, 750, 100, 800]);
    expect(moveBox([10.5, 10, 20.75, 30], 5.2, 0, size)).toEqual([16, 10, 26.25, 30]);
  });

  it("resizes by one corner with the opposite one fixed, crossing over and clamped", () => {
    expect(resizeBox([100, 100, 200, 200], { x: "x2", y: "y2" }, { x: 260, y: 240 }, size)).toEqual([100, 100, 260, 240]);
    expect(resizeBox([100, 100, 200, 200], { x: "x1", y: "y1" }, { x: -30, y: 150 }, size)).toEqual([0, 150, 200, 200]);
    expect(resizeBox([100, 100, 200, 200], { x: "x2", y: "y2" }, { x: 50, y: 2000 }, size)).toEqual([50, 100, 100, 800]);
    // The fixed corner of a fractional AI box stays exactly where it was; the dragged one snaps to whole pixels.
    expect(resizeBox([10.25, 20.5, 200.75, 300.1], { x: "x2", y: "y2" }, { x: 150.6, y: 250.2 }, size)).toEqual([10.25, 20.5, 151, 250]);
  });

  it("keeps a minimum size when a corner is dragged onto the fixed one", () => {
    expect(resizeBox([100, 100, 200, 200], { x: "x2", y: "y2" }, { x: 101, y: 99 }, size, 4)).toEqual([100, 96, 104, 100]);
    expect(resizeBox([0, 0, 10, 10], { x: "x2", y: "y2" }, { x: 0, y: 0 }, size, 4)).toEqual([0, 0, 4, 4]);
  });

  it("projects through a rotating/flipping transform to an axis-aligned canvas rectangle", () => {
    const rot90 = (p: { x: number; y: number }) => ({ x: 800 - p.y, y: p.x }); // 90° clockwise
    expect(projectBox([100, 100, 300, 200], rot90)).toEqual({ x: 600, y: 100, width: 100, height: 200 });
    const flip = (p: { x: number; y: number }) => ({ x: (1000 - p.x) / 2, y: p.y / 2 });
    expect(projectBox([100, 100, 300, 200], flip)).toEqual({ x: 350, y: 50, width: 100, height: 50 });
  });
});
