import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { runBatch } from "./engine-run-batch";
import { bufferOf } from "./model-input";
import type { GreyImage } from "./preprocess";
import type { WorkerPool } from "./worker-pool";

const grey = (value: number): GreyImage => ({ width: 2, height: 2, data: new Uint8Array(4).fill(value) });

/** Echoes each image's first byte as a detection's classIndex, and records batch sizes. */
function fakePool(sizes: number[]): WorkerPool {
  return {
    metadata: {} as WorkerPool["metadata"],
    providerUsed: "cpu",
    close: async () => undefined,
    decode: () => Promise.reject(new Error("runBatch never decodes ahead")),
    run: async (images) => {
      sizes.push(images.length);
      const items = images.map((img) => ({ detections: [{ classIndex: bufferOf(img)[0]! } as never], width: 2, height: 2 }));
      return { items, decodeMs: 0.5, preprocessMs: 1, inferenceMs: 2, postprocessMs: 3 };
    },
  };
}

describe("runBatch", () => {
  it("maps a batch's outcomes back to its requests with queue time and the run's stage times", async () => {
    const sizes: number[] = [];
    const at = performance.now() - 50;
    const out = await runBatch(
      fakePool(sizes),
      [grey(7), grey(9)].map((image) => ({ image, decode: {}, at })),
    );
    expect(sizes).toEqual([2]);
    expect(out.map((o) => o.detections[0]?.classIndex)).toEqual([7, 9]);
    expect(out[0]).toMatchObject({ batchSize: 2, timings: { decodeMs: 0.5, preprocessMs: 1, inferenceMs: 2, postprocessMs: 3 } });
    expect(out[0]!.timings.queueMs).toBeGreaterThanOrEqual(50);
  });

  it("fails only the request whose image buffer was detached after submit", async () => {
    const sizes: number[] = [];
    const detached = grey(5);
    structuredClone(detached.data.buffer, { transfer: [detached.data.buffer] });
    const out = await runBatch(
      fakePool(sizes),
      [grey(1), detached, grey(3)].map((image) => ({ image, decode: {}, at: 0 })),
    );
    expect(sizes).toEqual([2]);
    expect(out.map((o) => o.detections[0]?.classIndex)).toEqual([1, undefined, 3]);
    expect(out[1]!.error).toBeInstanceOf(AppError);
    expect(out[1]!.error).toMatchObject({ code: "bad_request" });
  });
});
