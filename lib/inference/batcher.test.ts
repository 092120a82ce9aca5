import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { createBatcher, type BatcherOptions } from "./batcher";

/** A runBatch that records batch sizes and resolves when the test says so. */
function manualRunner() {
  const sizes: number[] = [];
  const pending: Array<() => void> = [];
  const runBatch = (items: number[]) => {
    sizes.push(items.length);
    return new Promise<number[]>((resolve) => pending.push(() => resolve(items.map((x) => x * 10))));
  };
  return { sizes, runBatch, finishNext: () => pending.shift()?.() };
}

const make = (over: Partial<BatcherOptions<number, number>> & Pick<BatcherOptions<number, number>, "runBatch">) =>
  createBatcher<number, number>({ maxBatchSize: 4, maxQueueDelayMs: 10, maxQueueSize: 8, ...over });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("createBatcher", () => {
  it("coalesces requests that arrive within the delay, in order", async () => {
    const r = manualRunner();
    const b = make({ runBatch: r.runBatch });
    const out = [1, 2, 3].map((x) => b.submit(x));
    await vi.advanceTimersByTimeAsync(9);
    expect(r.sizes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(r.sizes).toEqual([3]);
    r.finishNext();
    expect(await Promise.all(out)).toEqual([10, 20, 30]);
  });

  it("starts a full batch at once, without waiting for the delay", async () => {
    const r = manualRunner();
    const b = make({ runBatch: r.runBatch });
    const out = [1, 2, 3, 4, 5].map((x) => b.submit(x));
    expect(r.sizes).toEqual([4]);
    expect(b.depth()).toBe(1);
    r.finishNext();
    await vi.advanceTimersByTimeAsync(0); // item 5 has waited 0 of its 10 ms
    expect(r.sizes).toEqual([4]);
    await vi.advanceTimersByTimeAsync(10);
    expect(r.sizes).toEqual([4, 1]);
    r.finishNext();
    expect(await Promise.all(out)).toEqual([10, 20, 30, 40, 50]);
  });

  it("runs one batch at a time by default, gathering the next one meanwhile", async () => {
    const r = manualRunner();
    const b = make({ runBatch: r.runBatch, maxQueueDelayMs: 0 });
    const first = b.submit(1);
    const rest = [2, 3, 4, 5, 6, 7].map((x) => b.submit(x));
    expect(r.sizes).toEqual([1]);
    r.finishNext();
    await first;
    await vi.advanceTimersByTimeAsync(0);
    expect(r.sizes).toEqual([1, 4]); // the waiting ones went out together, capped at maxBatchSize
    r.finishNext();
    await vi.advanceTimersByTimeAsync(0);
    expect(r.sizes).toEqual([1, 4, 2]);
    r.finishNext();
    expect(await Promise.all(rest)).toEqual([20, 30, 40, 50, 60, 70]);
  });

  it("honours maxConcurrentBatches", async () => {
    const r = manualRunner();
    const b = make({ runBatch: r.runBatch, maxBatchSize: 2, maxConcurrentBatches: 2 });
    const out = [1, 2, 3, 4, 5, 6].map((x) => b.submit(x));
    expect(r.sizes).toEqual([2, 2]);
    r.finishNext();
    r.finishNext();
    await vi.advanceTimersByTimeAsync(0);
    expect(r.sizes).toEqual([2, 2, 2]);
    r.finishNext();
    expect(await Promise.all(out)).toEqual([10, 20, 30, 40, 50, 60]);
  });

  it("rejects at once when maxQueueSize items are waiting, with a retry hint", async () => {
    const r = manualRunner();
    const b = make({ runBatch: r.runBatch, maxBatchSize: 2, maxQueueSize: 3 });
    const ok = [b.submit(1), b.submit(2)]; // a full batch: now running, not waiting
    const waiting = [3, 4, 5].map((x) => b.submit(x));
    const err = await b.submit(6).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({
      code: "unavailable",
      message: "Inference queue is full; retry shortly.",
      details: { retryAfterSeconds: 1 },
    });
    expect(b.depth()).toBe(3);
    for (let i = 0; i < 3; i++) {
      r.finishNext();
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(await Promise.all([...ok, ...waiting])).toEqual([10, 20, 30, 40, 50]);
  });

  it("rejects every item of a failed batch and keeps working", async () => {
    let fail = true;
    const b = make({
      maxQueueDelayMs: 0,
      maxBatchSize: 2,
      runBatch: async (items) => {
        if (fail) throw new Error("boom");
        return items.map((x) => -x);
      },
    });
    const bad = await Promise.allSettled([b.submit(1), b.submit(2)]);
    expect(bad.map((s) => s.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    expect(await b.submit(3)).toBe(-3);
  });

  it("rejects a batch whose result count is wrong", async () => {
    const b = make({ maxQueueDelayMs: 0, runBatch: async () => [] });
    await expect(b.submit(1)).rejects.toThrow(/0 results for 1 items/);
  });

  it("reports depth changes and, on close, rejects waiting items and awaits the running batch", async () => {
    const r = manualRunner();
    const depths: number[] = [];
    const b = make({ runBatch: r.runBatch, maxBatchSize: 1, onDepth: (d) => depths.push(d) });
    const running = b.submit(1);
    const waiting = b.submit(2);
    const closing = b.close();
    await expect(waiting).rejects.toMatchObject({ code: "unavailable" });
    await expect(b.submit(3)).rejects.toMatchObject({ code: "unavailable" });
    r.finishNext();
    await closing;
    expect(await running).toBe(10);
    expect(depths).toEqual([1, 0, 1, 0]);
  });

  it("validates its settings", () => {
    const runBatch = async (x: number[]) => x;
    expect(() => make({ runBatch, maxBatchSize: 0 })).toThrow(AppError);
    expect(() => make({ runBatch, maxQueueDelayMs: -1 })).toThrow(AppError);
  });
});

describe("createBatcher with a throughput sizer", () => {
  it("takes the sizer's batch size from a long queue and tells it each run's time", async () => {
    const sizes: number[] = [];
    const recorded: number[] = [];
    const sizer = { size: (waiting: number) => Math.min(2, waiting), record: (n: number) => void recorded.push(n), stats: () => ({}) };
    const b = createBatcher<number, number>({
      maxBatchSize: 8,
      maxQueueDelayMs: 0,
      maxQueueSize: 64,
      sizer,
      runBatch: async (xs) => {
        sizes.push(xs.length);
        await Promise.resolve();
        return xs.map((x) => x * 10);
      },
    });
    const out = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((x) => b.submit(x)));
    expect(out).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(sizes).toEqual([1, 2, 2, 2]); // the first starts alone at once; the rest in the sizer's pairs
    expect(recorded).toEqual(sizes);
    await b.close();
  });
});
