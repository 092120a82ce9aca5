import { describe, expect, it } from "vitest";
import { binIndex, categoricalHistogram, continuousHistogram, MISSING_LABEL, quantile, quantileCutPoints } from "./bins";
import { psi } from "./psi";

const oneToTen = Array.from({ length: 10 }, (_, i) => i + 1);

describe("quantiles and cut points", () => {
  it("interpolates linearly between order statistics", () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4, 5], 0.1)).toBeCloseTo(1.4, 12);
    expect(quantile([7], 0.3)).toBe(7);
    expect(() => quantile([], 0.5)).toThrow(RangeError);
  });

  it("cuts at the reference deciles", () => {
    // (n − 1)·q = 0.9, 1.8, … → 1.9, 2.8, 3.7, 4.6, 5.5, 6.4, 7.3, 8.2, 9.1
    const cuts = quantileCutPoints(oneToTen);
    expect(cuts.map((c) => Math.round(c * 10) / 10)).toEqual([1.9, 2.8, 3.7, 4.6, 5.5, 6.4, 7.3, 8.2, 9.1]);
  });

  it("collapses tied quantiles into one cut", () => {
    expect(quantileCutPoints([5, 5, 5, 5])).toEqual([5]);
    // q = 0.1 … 0.7 → 0; q = 0.8: h = 7.2 → 0.2; q = 0.9: h = 8.1 → 1
    expect(quantileCutPoints([0, 0, 0, 0, 0, 0, 0, 0, 1, 1]).map((c) => Math.round(c * 10) / 10)).toEqual([0, 0.2, 1]);
    expect(quantileCutPoints([])).toEqual([]);
  });

  it("puts a value on a cut into the lower bin", () => {
    expect(binIndex([1, 2, 3], 0)).toBe(0);
    expect(binIndex([1, 2, 3], 1)).toBe(0);
    expect(binIndex([1, 2, 3], 1.5)).toBe(1);
    expect(binIndex([1, 2, 3], 3)).toBe(2);
    expect(binIndex([1, 2, 3], 4)).toBe(3);
    expect(binIndex([], 4)).toBe(0);
  });
});

describe("continuousHistogram", () => {
  it("gives the reference one value per decile bin", () => {
    const h = continuousHistogram(oneToTen, oneToTen);
    expect(h.labels).toHaveLength(10);
    expect(h.reference).toEqual(new Array(10).fill(1));
    expect(psi(h.reference, h.current)).toBe(0);
  });

  it("keeps empty bins (PSI floors them) when the current window moves past the reference", () => {
    const h = continuousHistogram(oneToTen, [100, 200, 300]);
    expect(h.current).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 3]);
    expect(psi(h.reference, h.current)).toBeGreaterThan(2);
  });

  it("splits an all-equal reference into at-or-below and above", () => {
    const h = continuousHistogram([5, 5, 5], [4, 5, 6]);
    expect(h.labels).toEqual(["≤ 5", "> 5"]);
    expect(h.reference).toEqual([3, 0]);
    expect(h.current).toEqual([2, 1]);
  });

  it("counts missing values in their own bin, only when there are any", () => {
    const h = continuousHistogram([1, 2, null, NaN], [1, null]);
    expect(h.labels.at(-1)).toBe(MISSING_LABEL);
    expect(h.reference.at(-1)).toBe(2);
    expect(h.current.at(-1)).toBe(1);
    expect(continuousHistogram([1, 2], [3]).labels).not.toContain(MISSING_LABEL);
  });

  it("has one bin when the reference has no values at all", () => {
    const h = continuousHistogram([null, null], [1, 2]);
    expect(h.labels).toEqual(["all", MISSING_LABEL]);
    expect(h.reference).toEqual([0, 2]);
    expect(h.current).toEqual([2, 0]);
  });
});

describe("categoricalHistogram", () => {
  it("uses the union of both windows' categories, sorted, with missing last", () => {
    const h = categoricalHistogram(["GE", "Agfa", "GE", null], ["GE", "Fuji", ""]);
    expect(h.labels).toEqual(["Agfa", "Fuji", "GE", MISSING_LABEL]);
    expect(h.reference).toEqual([1, 0, 2, 1]);
    expect(h.current).toEqual([0, 1, 1, 1]);
  });

  it("a new category empty in the reference yields a large, finite PSI", () => {
    const h = categoricalHistogram(["A", "A", "A", "A"], ["A", "A", "B", "B"]);
    expect(psi(h.reference, h.current)).toBeCloseTo(0.5 * Math.log(2) + (0.5 - 1e-4) * Math.log(0.5 / 1e-4), 10);
  });
});
