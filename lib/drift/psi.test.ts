import { describe, expect, it } from "vitest";
import { PSI_EPSILON, proportions, psi } from "./psi";

describe("psi", () => {
  it("is 0 for identical distributions", () => {
    expect(psi([50, 50], [50, 50])).toBe(0);
    expect(psi([10, 20, 30], [20, 40, 60])).toBeCloseTo(0, 12); // same shares, different sizes
  });

  it("matches a hand-computed two-bin case", () => {
    // ref (0.5, 0.5), cur (0.8, 0.2): 0.3·ln(1.6) + (−0.3)·ln(0.4) = 0.141001 + 0.274887
    expect(psi([50, 50], [80, 20])).toBeCloseTo(0.415888, 6);
  });

  it("matches a hand-computed three-bin case", () => {
    // ref (0.25, 0.5, 0.25), cur (0.1, 0.6, 0.3): −0.15·ln(0.4) + 0.1·ln(1.2) + 0.05·ln(1.2)
    expect(psi([25, 50, 25], [10, 60, 30])).toBeCloseTo(0.15 * Math.log(2.5) + 0.15 * Math.log(1.2), 12);
    expect(psi([25, 50, 25], [10, 60, 30])).toBeCloseTo(0.164792, 6);
  });

  it("floors an empty bin at epsilon so the score stays finite", () => {
    // ref (1, 0→1e-4), cur (0.5, 0.5): −0.5·ln(0.5) + 0.4999·ln(5000)
    const expected = -0.5 * Math.log(0.5) + (0.5 - PSI_EPSILON) * Math.log(0.5 / PSI_EPSILON);
    expect(psi([100, 0], [50, 50])).toBeCloseTo(expected, 12);
    expect(expected).toBeCloseTo(4.604318, 6);
    expect(Number.isFinite(psi([0, 100], [100, 0]))).toBe(true);
  });

  it("is symmetric in its two windows", () => {
    expect(psi([30, 70], [60, 40])).toBeCloseTo(psi([60, 40], [30, 70]), 12);
  });

  it("is 0 when either window is empty, and refuses mismatched bins", () => {
    expect(psi([0, 0], [3, 4])).toBe(0);
    expect(psi([3, 4], [0, 0])).toBe(0);
    expect(() => psi([1, 2], [1, 2, 3])).toThrow(RangeError);
  });

  it("floors proportions", () => {
    expect(proportions([0, 4])).toEqual([PSI_EPSILON, 1]);
    expect(proportions([0, 0])).toEqual([0, 0]);
  });
});
