import { AppError } from "@/lib/errors";
import type { Detector } from "./detect";
import type { ModelMetadata } from "./model-metadata";
import { readOnnxMetadataProps } from "./onnx-metadata-props";
import { sessionDetector } from "./session-detector";

// The one module that owns onnxruntime-web sessions (the WASM backend, single-threaded): the browser's twin of
// onnx-session.ts, feeding and decoding through the same session-detector. Loaded lazily, so pages that never run
// a model in the browser never download ONNX Runtime.

export interface WebModelOptions {
  /** Where the ONNX Runtime .wasm lives when the bundler moved it (see components/review/ort-assets.ts). */
  wasmPaths?: { wasm?: string; mjs?: string } | string;
}

export interface WebModel extends Detector {
  metadata: ModelMetadata;
  providerUsed: "wasm";
}

const cache = new Map<string, Promise<WebModel>>();

function firstLine(e: unknown): string {
  return ((e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "").slice(0, 200);
}

async function load(bytes: Uint8Array, options: WebModelOptions): Promise<WebModel> {
  const props = readOnnxMetadataProps(bytes); // fails fast on a file that is not ONNX
  const ort = await import("onnxruntime-web/wasm");
  // One thread: threads need SharedArrayBuffer, i.e. a cross-origin isolated page, which the app does not require.
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  if (options.wasmPaths) ort.env.wasm.wasmPaths = options.wasmPaths;
  let session;
  try {
    session = await ort.InferenceSession.create(bytes, { executionProviders: ["wasm"] });
  } catch (e) {
    throw new AppError("unprocessable", `ONNX Runtime Web cannot load the model: ${firstLine(e)}`);
  }
  const { metadata, run } = sessionDetector(session, (type, data, dims) => new ort.Tensor(type, data, dims), props);
  return { metadata, run, providerUsed: "wasm" };
}

/** Loads (or returns the cached) model for `key`, e.g. a model version id. A failed load is not cached. */
export function loadWebModel(key: string, bytes: Uint8Array, options: WebModelOptions = {}): Promise<WebModel> {
  const cached = cache.get(key);
  if (cached) return cached;
  const pending = load(bytes, options);
  cache.set(key, pending);
  pending.catch(() => cache.get(key) === pending && cache.delete(key));
  return pending;
}

/** Whether `key` is loaded or loading, so a caller can skip downloading its bytes again. */
export const hasWebModel = (key: string): boolean => cache.has(key);
