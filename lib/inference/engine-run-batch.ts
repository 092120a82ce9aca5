import { AppError } from "@/lib/errors";
import { intact, type ModelInput } from "./model-input";
import type { DecodeOptions, Detection } from "./postprocess";
import type { WorkerPool } from "./worker-pool";

// One batcher run for the engine: hand the batch to a worker, then give each request its own outcome and timings.

export interface DetectTimings {
  queueMs: number;
  /** Decoding an encoded file in the worker (0 for an image passed decoded); per run, like the stages after it. */
  decodeMs: number;
  preprocessMs: number;
  inferenceMs: number;
  postprocessMs: number;
  totalMs: number;
}

export interface Item {
  image: ModelInput;
  decode: DecodeOptions;
  /** performance.now() at submit. */
  at: number;
}
export type Outcome = {
  detections: Detection[];
  /** The decoded image's size (0 × 0 when it failed). */
  width: number;
  height: number;
  error?: Error;
  batchSize: number;
  timings: Omit<DetectTimings, "totalMs">;
};

/** Requests whose image buffer was detached after submit (the same buffer passed twice) fail alone. */
export async function runBatch(pool: WorkerPool, items: Item[]): Promise<Outcome[]> {
  const start = performance.now();
  const whole = items.map((i) => intact(i.image)); // before the run, which detaches the buffers it sends
  const ok = items.filter((_, k) => whole[k]);
  const out =
    ok.length === 0
      ? undefined
      : await pool.run(
          ok.map((i) => i.image),
          ok.map((i) => i.decode),
        );
  const { decodeMs = 0, preprocessMs = 0, inferenceMs = 0, postprocessMs = 0 } = out ?? {};
  const results = out?.items ?? [];
  let next = 0;
  return items.map((item, k) => {
    const o = whole[k]
      ? results[next++]!
      : { error: new AppError("bad_request", "Image buffer was detached; pass each image to detect once") };
    return {
      detections: "detections" in o ? o.detections : [],
      width: "width" in o ? o.width : 0,
      height: "height" in o ? o.height : 0,
      ...("error" in o ? { error: o.error } : {}),
      batchSize: ok.length,
      timings: { queueMs: start - item.at, decodeMs, preprocessMs, inferenceMs, postprocessMs },
    };
  });
}
