import { AppError } from "@/lib/errors";
import type { BatchSizer } from "./batch-sizer";

// A dynamic batcher in the manner of Triton's: requests that arrive within `maxQueueDelayMs` of the oldest waiting
// one are coalesced up to `maxBatchSize`; a full batch starts at once; the waiting queue is bounded. Pure TS.

export interface BatcherOptions<I, O> {
  /** Most items per `runBatch` call (≥ 1). */
  maxBatchSize: number;
  /** How long the oldest waiting item may wait for company before a partial batch starts (≥ 0). */
  maxQueueDelayMs: number;
  /** Most items waiting (not yet in a running batch); beyond it `submit` rejects with "unavailable". */
  maxQueueSize: number;
  /** Batches running at once. Default 1. */
  maxConcurrentBatches?: number;
  /** Must resolve to one output per item, in order; a rejection rejects every item of the batch. */
  runBatch: (items: I[]) => Promise<O[]>;
  /** Called with the waiting count whenever it changes (e.g. for a queue-depth gauge). */
  onDepth?: (depth: number) => void;
  /** Picks each run's size (≤ maxBatchSize) from measured throughput and is told how long each run took; without
   * it every run takes up to maxBatchSize. */
  sizer?: BatchSizer;
}

export interface Batcher<I, O> {
  submit(item: I): Promise<O>;
  /** Items waiting, not counting those in running batches. */
  depth(): number;
  /** Rejects waiting items, refuses new ones, and resolves once running batches have settled. */
  close(): Promise<void>;
}

interface Waiting<I, O> {
  item: I;
  at: number;
  resolve: (o: O) => void;
  reject: (e: unknown) => void;
}

function positiveInt(name: string, v: number, min: number): number {
  if (!Number.isInteger(v) || v < min) throw new AppError("bad_request", `${name} must be an integer ≥ ${min}, got ${v}`);
  return v;
}

type Settings = Pick<BatcherOptions<unknown, unknown>, "maxBatchSize" | "maxQueueDelayMs" | "maxQueueSize" | "maxConcurrentBatches">;

/** Throws AppError("bad_request") on settings createBatcher would refuse, so callers can check before costly setup. */
export function checkBatcherSettings(o: Settings) {
  const maxBatch = positiveInt("maxBatchSize", o.maxBatchSize, 1);
  const maxQueue = positiveInt("maxQueueSize", o.maxQueueSize, 1);
  const maxRunning = positiveInt("maxConcurrentBatches", o.maxConcurrentBatches ?? 1, 1);
  const delay = o.maxQueueDelayMs;
  if (!(delay >= 0) || !Number.isFinite(delay)) throw new AppError("bad_request", `maxQueueDelayMs must be ≥ 0, got ${delay}`);
  return { maxBatch, maxQueue, maxRunning, delay };
}

export function createBatcher<I, O>(options: BatcherOptions<I, O>): Batcher<I, O> {
  const { maxBatch, maxQueue, maxRunning, delay } = checkBatcherSettings(options);

  const queue: Waiting<I, O>[] = [];
  const running = new Set<Promise<void>>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const depthChanged = () => options.onDepth?.(queue.length);

  async function run(batch: Waiting<I, O>[]): Promise<void> {
    try {
      const started = performance.now();
      const out = await options.runBatch(batch.map((w) => w.item));
      options.sizer?.record(batch.length, performance.now() - started);
      if (!Array.isArray(out) || out.length !== batch.length) {
        throw new Error(`runBatch returned ${Array.isArray(out) ? out.length : typeof out} results for ${batch.length} items`);
      }
      batch.forEach((w, i) => w.resolve(out[i] as O));
    } catch (e) {
      for (const w of batch) w.reject(e);
    }
  }

  // The sizer's choice for what waits now; a full batch is its choice for a full queue.
  const take = (waiting: number) =>
    options.sizer ? Math.min(maxBatch, Math.max(1, options.sizer.size(Math.min(waiting, maxBatch)))) : maxBatch;

  function start(): void {
    const batch = queue.splice(0, take(queue.length));
    depthChanged();
    const p = run(batch).finally(() => {
      running.delete(p);
      pump();
    });
    running.add(p);
  }

  function pump(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    while (!closed && queue.length > 0 && running.size < maxRunning) {
      const waited = Date.now() - queue[0]!.at;
      if (queue.length < take(maxBatch) && waited < delay) {
        timer = setTimeout(pump, delay - waited);
        return;
      }
      start();
    }
  }

  return {
    submit(item) {
      if (closed) return Promise.reject(new AppError("unavailable", "Inference engine is shutting down.", { retryAfterSeconds: 1 }));
      if (queue.length >= maxQueue) {
        return Promise.reject(new AppError("unavailable", "Inference queue is full; retry shortly.", { retryAfterSeconds: 1 }));
      }
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, at: Date.now(), resolve, reject });
        depthChanged();
        pump();
      });
    },
    depth: () => queue.length,
    async close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      const dropped = queue.splice(0);
      for (const w of dropped) w.reject(new AppError("unavailable", "Inference engine is shutting down.", { retryAfterSeconds: 1 }));
      if (dropped.length > 0) depthChanged();
      await Promise.all([...running]);
    },
  };
}
