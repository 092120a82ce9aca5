import { describe, expect, it } from "vitest";
import { createBatchSizer } from "./batch-sizer";

// A model whose run of n images takes cost(n) ms; requests always waiting: what sizes does the sizer settle on?
function settle(cost: (n: number) => number, max: number, runs = 200, waiting = max) {
  const sizer = createBatchSizer(max);
  const taken: number[] = [];
  for (let i = 0; i < runs; i++) {
    const n = sizer.size(waiting);
    taken.push(n);
    sizer.record(n, cost(n));
  }
  return { taken, sizer };
}
const mostCommon = (xs: number[]) =>
  [...new Set(xs)].sort((a, b) => xs.filter((x) => x === b).length - xs.filter((x) => x === a).length)[0];

describe("createBatchSizer", () => {
  it("tries every size once, then settles on full batches where batching amortises a fixed cost (GPU-like)", () => {
    const { taken, sizer } = settle((n) => 20 + 2 * n, 8);
    expect(taken.slice(0, 4)).toEqual([1, 2, 4, 8]);
    expect(mostCommon(taken.slice(4))).toBe(8);
    expect(sizer.stats()[8]).toBeCloseTo(4.5);
  });

  it("settles on single images where a batch costs more than its images run one by one (busy CPU)", () => {
    const { taken } = settle((n) => 30 * n * (1 + 0.1 * (n - 1)), 8);
    expect(mostCommon(taken.slice(4))).toBe(1);
  });

  it("never takes more than wait, explores only sizes that fit, and re-probes a neighbour of the best size", () => {
    const sizer = createBatchSizer(8);
    expect(sizer.size(3)).toBe(1);
    sizer.record(1, 10);
    expect(sizer.size(3)).toBe(2);
    sizer.record(2, 10); // 5 ms per image: best so far
    expect(sizer.size(3)).toBe(2);
    expect(sizer.size(1)).toBe(1);
    const { taken } = settle((n) => 20 + 2 * n, 8, 300, 8);
    expect(taken.filter((n, i) => i > 4 && n !== 8).length).toBeGreaterThan(0); // an occasional probe of 4
  });

  it("adapts when the cost changes (e.g. the cores become busy)", () => {
    const sizer = createBatchSizer(4);
    let cost = (n: number) => 20 + 2 * n;
    for (let i = 0; i < 50; i++) {
      const n = sizer.size(4);
      sizer.record(n, cost(n));
    }
    expect(sizer.size(4)).toBe(4);
    cost = (n) => 30 * n * n;
    const taken: number[] = [];
    for (let i = 0; i < 400; i++) {
      const n = sizer.size(4);
      taken.push(n);
      sizer.record(n, cost(n));
    }
    expect(taken.slice(-20)).not.toContain(4);
  });
});
