import { parentPort, workerData } from "node:worker_threads";
import { isAppError } from "@/lib/errors";
import { decodeInput } from "./decode-input";
import { loadKserveModel } from "./kserve-model";
import type { KserveOptions } from "./kserve-session";
import { loadModel } from "./onnx-session";
import type { DecodeOptions, Detection } from "./postprocess";
import type { ModelInput } from "./model-input";
import { type GreyImage, preprocessBatch } from "./preprocess";

// Runs in a worker thread (started by worker-pool.ts: compiled by build-worker.ts in production, else through
// inference-worker.mjs): loads the model once, then for each batch decodes the files, letterboxes, runs and decodes
// the output here, so none of the CPU-heavy stages block the HTTP event loop.

export interface WorkerInit {
  bytes: Uint8Array;
  key: string;
  providers: string[];
  intraOpThreads?: number;
  spinning?: boolean;
  /** Run the graph on a KServe v2 server instead of in-process (pre/post-processing stay here). */
  kserve?: KserveOptions;
}
export interface WorkerError {
  code: string;
  message: string;
}
export interface WorkerBatch {
  id: number;
  images: ModelInput[];
  options: DecodeOptions[];
}
/** Decode one file now, ahead of its batch: the grey image goes back (transferred) to join the batcher's queue. */
export interface WorkerDecode {
  id: number;
  decode: ModelInput;
}
/** `width` × `height`: the image as decoded (the size its boxes are in). */
export type ItemOutcome = { detections: Detection[]; width: number; height: number } | { error: WorkerError };
export type WorkerReply =
  | { id: number; ok: true; items: ItemOutcome[]; decodeMs: number; preprocessMs: number; inferenceMs: number; postprocessMs: number }
  | { id: number; ok: true; image: GreyImage; decodeMs: number }
  | { id: number; ok: false; error: WorkerError };

const port = parentPort!;
const toError = (e: unknown): WorkerError =>
  isAppError(e) ? { code: e.code, message: e.message } : { code: "internal", message: e instanceof Error ? e.message : String(e) };

/** Decodes once per distinct options object (usually one), so each request keeps its own thresholds. */
function decodeEach(decode: (o: DecodeOptions) => Detection[][], images: GreyImage[], options: DecodeOptions[]): ItemOutcome[] {
  const groups = new Map<string, ItemOutcome[] | WorkerError>();
  return options.map((o, i) => {
    const key = JSON.stringify(o);
    if (!groups.has(key)) {
      try {
        groups.set(
          key,
          decode(o).map((detections, k) => ({ detections, width: images[k]!.width, height: images[k]!.height })),
        );
      } catch (e) {
        groups.set(key, toError(e));
      }
    }
    const got = groups.get(key)!;
    return Array.isArray(got) ? got[i]! : { error: got };
  });
}

/** Decodes each encoded file; one that cannot be decoded fails alone. */
async function decodeAll(images: ModelInput[]): Promise<Array<GreyImage | { error: WorkerError }>> {
  const out: Array<GreyImage | { error: WorkerError }> = [];
  for (const img of images) {
    try {
      out.push(await decodeInput(img));
    } catch (e) {
      out.push({ error: toError(e) });
    }
  }
  return out;
}

// Runs while this worker's session may be busy with a batch: libvips decodes on its own thread, so decoding the next
// requests overlaps the current run instead of following it.
async function decodeOne({ id, decode }: WorkerDecode) {
  try {
    const t0 = performance.now();
    const decoded = await decodeInput(decode);
    const whole = decoded.data.byteOffset === 0 && decoded.data.byteLength === decoded.data.buffer.byteLength;
    const image = whole ? decoded : { ...decoded, data: decoded.data.slice() };
    const reply: WorkerReply = { id, ok: true, image, decodeMs: performance.now() - t0 };
    port.postMessage(reply, [image.data.buffer as ArrayBuffer]);
  } catch (e) {
    port.postMessage({ id, ok: false, error: toError(e) } satisfies WorkerReply);
  }
}

async function main(init: WorkerInit) {
  const model = init.kserve
    ? await loadKserveModel(init.bytes, init.kserve)
    : await loadModel(init.bytes, {
        key: init.key,
        providers: init.providers,
        intraOpThreads: init.intraOpThreads,
        spinning: init.spinning,
      });
  const m = model.metadata;
  const input = { width: m.inputWidth, height: m.inputHeight, channels: m.channels };
  port.on("message", async (msg: WorkerBatch | WorkerDecode) => {
    if ("decode" in msg) return decodeOne(msg);
    const { id, images, options } = msg;
    try {
      const start = performance.now();
      const decoded = await decodeAll(images);
      const t0 = performance.now();
      const ok = decoded.flatMap((d) => ("error" in d ? [] : [d]));
      let items: ItemOutcome[] = [];
      let t1 = t0,
        t2 = t0;
      if (ok.length > 0) {
        const { data, letterboxes } = preprocessBatch(ok, input, m.batch === "dynamic" ? ok.length : m.batch);
        t1 = performance.now();
        const out = await model.run(data, data.length / (m.channels * m.inputHeight * m.inputWidth));
        t2 = performance.now();
        items = decodeEach(
          (o) => out.decode(letterboxes, o),
          ok,
          options.filter((_, k) => !("error" in decoded[k]!)),
        );
      }
      let next = 0;
      const all = decoded.map((d): ItemOutcome => ("error" in d ? d : items[next++]!));
      const reply: WorkerReply = {
        id,
        ok: true,
        items: all,
        decodeMs: t0 - start,
        preprocessMs: t1 - t0,
        inferenceMs: t2 - t1,
        postprocessMs: performance.now() - t2,
      };
      port.postMessage(reply);
    } catch (e) {
      port.postMessage({ id, ok: false, error: toError(e) } satisfies WorkerReply);
    }
  });
  port.postMessage({ kind: "ready", metadata: m, providerUsed: model.providerUsed });
}

main(workerData as WorkerInit).catch((e: unknown) => port.postMessage({ kind: "failed", error: toError(e) }));
