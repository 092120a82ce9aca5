import { describe, expect, it } from "vitest";
import { kolmogorovQ, ksPValue, ksStatistic, ksTest } from "./ks";

describe("ksStatistic", () => {
  it("is 0 for identical samples and 1 for disjoint ones", () => {
    expect(ksStatistic([1, 2, 3], [3, 2, 1])).toBe(0);
    expect(ksStatistic([1, 2, 3], [10, 11])).toBe(1);
  });

  it("matches a hand-computed shift", () => {
    // at x = 2: F_a = 2/4, F_b = 0; at 3: 3/4 vs 1/4; at 4: 1 vs 2/4 → D = 0.5
    expect(ksStatistic([1, 2, 3, 4], [3, 4, 5, 6])).toBe(0.5);
  });

  it("steps past ties on both sides together", () => {
    // at x = 1: F_a = 2/3, F_b = 1/3; at 2: both 1 → D = 1/3 (a naive merge would report 2/3)
    expect(ksStatistic([1, 1, 2], [1, 2, 2])).toBeCloseTo(1 / 3, 12);
    expect(ksStatistic([5, 5, 5], [5, 5])).toBe(0);
  });

  it("handles unequal sizes and ignores non-finite values", () => {
    // a = {1,2}, b = {2,3,4,5}: at 1: 1/2 vs 0; at 2: 1 vs 1/4 → D = 0.75
    expect(ksStatistic([1, 2, NaN], [5, 4, 3, 2, Infinity])).toBe(0.75);
    expect(ksStatistic([], [1, 2])).toBe(0);
  });
});

describe("KS p-value", () => {
  it("matches tabulated Kolmogorov critical values", () => {
    expect(kolmogorovQ(1.3581)).toBeCloseTo(0.05, 3);
    expect(kolmogorovQ(1.6276)).toBeCloseTo(0.01, 3);
    expect(kolmogorovQ(1.2238)).toBeCloseTo(0.1, 3);
    expect(kolmogorovQ(0.1)).toBe(1);
    expect(kolmogorovQ(5)).toBeLessThan(1e-20);
  });

  it("applies the effective sample size", () => {
    // n = m = 100: en = √50 = 7.0711, λ = (7.07107 + 0.12 + 0.01556)·0.2 = 1.441325
    expect(ksPValue(0.2, 100, 100)).toBeCloseTo(kolmogorovQ(1.441325), 6);
    expect(ksPValue(0.2, 100, 100)).toBeGreaterThan(0.02);
    expect(ksPValue(0.2, 100, 100)).toBeLessThan(0.04);
    expect(ksPValue(0, 50, 50)).toBe(1);
    expect(ksPValue(0.5, 0, 50)).toBe(1);
  });

  it("is significant for a clear shift and not for the same sample", () => {
    const a = Array.from({ length: 200 }, (_, i) => i);
    expect(
      ksTest(
        a,
        a.map((v) => v + 100),
      ).pValue,
    ).toBeLessThan(1e-6);
    expect(ksTest(a, a).pValue).toBe(1);
  });
});
