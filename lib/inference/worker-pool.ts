import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { isDevelopmentBuild } from "@/lib/build-mode";
import { AppError, type AppErrorCode, isAppError } from "@/lib/errors";
import { COMPILED_WORKER_FILE } from "./compiled-worker";
import type { ItemOutcome, WorkerError, WorkerReply } from "./inference-worker";
import type { GreyImage } from "./preprocess";
import type { KserveOptions } from "./kserve-session";
import type { ModelMetadata } from "./model-metadata";
import { bufferOf, type ModelInput, withBuffer } from "./model-input";
import type { DecodeOptions, Detection } from "./postprocess";

// N worker threads, each owning one ONNX Runtime session of the same model (inference-worker.ts), so image decoding,
// letterbox, session.run and output decoding never block the HTTP event loop. Image bytes are transferred, not copied.

export interface WorkerPoolOptions {
  bytes: Uint8Array;
  /** The onnx-session cache key inside each worker. */
  key: string;
  /** Execution providers to try in order; CPU is always the last resort. Default ["cpu"]. */
  providers?: readonly string[];
  intraOpThreads?: number;
  /** ONNX Runtime pool threads spin while idle (see LoadModelOptions.spinning). */
  spinning?: boolean;
  /** Run the graph on this KServe v2 server instead of onnxruntime-node (see kserve-session.ts). */
  kserve?: KserveOptions;
  /** Worker threads, each with its own session. Default 1. */
  workers?: number;
  /** The worker entry to run instead of the compiled one (production) or inference-worker.mjs (source, through tsx). */
  workerFile?: string;
}

export interface BatchOutcome {
  items: Array<{ detections: Detection[]; width: number; height: number } | { error: Error }>;
  decodeMs: number;
  preprocessMs: number;
  inferenceMs: number;
  postprocessMs: number;
}

export interface WorkerPool {
  metadata: ModelMetadata;
  providerUsed: string;
  /** Runs one batch on the least busy worker. Takes ownership of each image's buffer: it may be detached. */
  run(images: readonly ModelInput[], options: readonly DecodeOptions[]): Promise<BatchOutcome>;
  /** Decodes one encoded file on the least busy worker, ahead of its batch (overlapping the run in progress); the
   * grey image comes back transferred. Takes ownership of `bytes`. */
  decode(input: ModelInput): Promise<{ image: GreyImage; decodeMs: number }>;
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (r: WorkerReply & { ok: true }) => void; reject: (e: unknown) => void }>;
}
type Started = { kind: "ready"; metadata: ModelMetadata; providerUsed: string } | { kind: "failed"; error: WorkerError };

const WORKER_NAME = "inference-worker.mjs";

function workerPath(explicit?: string): string {
  if (explicit) {
    if (!existsSync(explicit)) throw new AppError("unavailable", `Inference worker ${explicit} not found`);
    return explicit;
  }
  // Production runs the worker that `npm run build` compiled; without it (`npx next build` alone), and always in
  // development and tests, the source through tsx, so they need no build step.
  if (!isDevelopmentBuild && existsSync(COMPILED_WORKER_FILE)) return path.resolve(COMPILED_WORKER_FILE);
  // Next's server build copies the .mjs alone into .next/server/assets, so use a directory that also holds the .ts
  // worker: this module's own (vitest, tsx), else the source tree the server was started from (`npm start`).
  const dirs = [path.dirname(fileURLToPath(import.meta.url)), path.resolve("lib/inference")];
  const dir = dirs.find((d) => existsSync(path.join(d, WORKER_NAME)) && existsSync(path.join(d, "inference-worker.ts")));
  if (!dir) throw new AppError("unavailable", `Inference worker ${WORKER_NAME} not found in ${dirs.join(" or ")}`);
  return path.join(dir, WORKER_NAME);
}

/** An AppError keeps its code across the thread boundary; anything else stays a plain Error (a 500 that hides it). */
const fromWorker = (e: WorkerError): Error =>
  e.code === "internal" ? new Error(e.message) : new AppError(e.code as AppErrorCode, e.message);

/** Starts one worker; once its model is loaded it joins `live`, listened to from then on. */
function start(file: string, options: WorkerPoolOptions, live: Set<Slot>): Promise<Extract<Started, { kind: "ready" }>> {
  const { bytes, key, intraOpThreads, spinning, kserve } = options;
  const workerData = { bytes, key, intraOpThreads, spinning, kserve, providers: [...(options.providers ?? ["cpu"])] };
  const worker = new Worker(file, { workerData });
  return new Promise((resolve, reject) => {
    const fail = (e: AppError) => {
      void worker.terminate();
      reject(e);
    };
    worker.once("error", (e) => fail(new AppError("unavailable", `Inference worker failed to start: ${e.message.split("\n")[0]}`)));
    worker.once("exit", (code) => fail(new AppError("unavailable", `Inference worker exited with code ${code} while starting`)));
    worker.once("message", (m: Started) => {
      worker.removeAllListeners("error").removeAllListeners("exit");
      if (m.kind === "failed") {
        const e = fromWorker(m.error);
        return fail(isAppError(e) ? e : new AppError("unprocessable", `Cannot load the model: ${e.message}`));
      }
      const slot: Slot = { worker, pending: new Map() };
      live.add(slot);
      listen(slot, live);
      resolve(m);
    });
  });
}

function listen(slot: Slot, live: Set<Slot>): void {
  const { worker, pending } = slot;
  worker.unref(); // an idle pool never keeps the process alive; run() refs it while work is pending
  worker.on("message", (m: WorkerReply) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (pending.size === 0) worker.unref();
    if (!p) return;
    if (!m.ok) return p.reject(fromWorker(m.error));
    p.resolve(m);
  });
  const died = (why: string) => {
    live.delete(slot);
    for (const p of pending.values()) p.reject(new AppError("unavailable", `Inference worker stopped: ${why}`, { retryAfterSeconds: 1 }));
    pending.clear();
  };
  worker.on("error", (e) => died(e.message));
  worker.on("exit", (code) => died(`exit code ${code}`));
}

/** Buffers that can move to the worker as they are; anything else (a view into a larger buffer) is copied. */
function transferable(images: readonly ModelInput[]): { images: ModelInput[]; transfer: ArrayBuffer[] } {
  const transfer = new Set<ArrayBuffer>();
  const out = images.map((img) => {
    const bytes = bufferOf(img);
    const { buffer, byteOffset, byteLength } = bytes;
    const whole = buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength;
    const data = whole ? bytes : bytes.slice();
    transfer.add(data.buffer as ArrayBuffer);
    return withBuffer(img, data);
  });
  return { images: out, transfer: [...transfer] };
}

/** Starts the workers and waits until every one has loaded the model; throws AppError if any cannot. */
export async function createWorkerPool(options: WorkerPoolOptions): Promise<WorkerPool> {
  const n = options.workers ?? 1;
  if (!Number.isInteger(n) || n < 1) throw new AppError("bad_request", `workers must be an integer ≥ 1, got ${n}`);
  const file = workerPath(options.workerFile);
  const live = new Set<Slot>();
  const started = await Promise.allSettled(Array.from({ length: n }, () => start(file, options, live)));
  const failed = started.find((s) => s.status === "rejected");
  if (failed || live.size < n) {
    const slots = [...live];
    live.clear();
    await Promise.all(slots.map((s) => s.worker.terminate()));
    throw failed?.reason ?? new AppError("unavailable", "An inference worker stopped while the others were starting");
  }
  const first = (started[0] as PromiseFulfilledResult<Extract<Started, { kind: "ready" }>>).value;
  let nextId = 0;
  /** Posts one message to the least busy worker; resolves with its reply. */
  const send = (images: readonly ModelInput[], message: (id: number, moved: ModelInput[]) => object) => {
    const slot = [...live].sort((a, b) => a.pending.size - b.pending.size)[0];
    if (!slot) return Promise.reject(new AppError("unavailable", "No inference worker is running.", { retryAfterSeconds: 1 }));
    const id = nextId++;
    return new Promise<WorkerReply & { ok: true }>((resolve, reject) => {
      try {
        const moved = transferable(images);
        slot.worker.postMessage(message(id, moved.images), moved.transfer);
        slot.pending.set(id, { resolve, reject });
        slot.worker.ref();
      } catch (e) {
        reject(e); // e.g. an options object that cannot be cloned
      }
    });
  };
  return {
    metadata: first.metadata,
    providerUsed: first.providerUsed,
    async run(images, options) {
      const m = await send(images, (id, moved) => ({ id, images: moved, options }));
      if (!("items" in m)) throw new Error("Inference worker answered a batch with a decode reply");
      const items = m.items.map((o: ItemOutcome) => ("error" in o ? { error: fromWorker(o.error) } : o));
      return { items, decodeMs: m.decodeMs, preprocessMs: m.preprocessMs, inferenceMs: m.inferenceMs, postprocessMs: m.postprocessMs };
    },
    async decode(input) {
      const m = await send([input], (id, moved) => ({ id, decode: moved[0] }));
      if (!("image" in m)) throw new Error("Inference worker answered a decode with a batch reply");
      return { image: m.image, decodeMs: m.decodeMs };
    },
    async close() {
      const slots = [...live];
      live.clear();
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
