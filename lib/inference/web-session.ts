import { AppError } from "@/lib/errors";
import type { Detector } from "./detect";
import type { ModelMetadata } from "./model-metadata";
import { readOnnxMetadataProps } from "./onnx-metadata-props";
import { sessionDetector } from "./session-detector";

// The one module that owns onnxruntime-web sessions: the browser's twin of onnx-session.ts, feeding and decoding
// through the same session-detector. WASM with SIMD, on several threads when the page is cross-origin isolated (the
// app's COOP/COEP headers: SharedArrayBuffer), else one; the WebGPU execution provider first when the browser has an
// adapter. Loaded lazily, so pages that never run a model in the browser never download ONNX Runtime.

export type WasmPaths = { wasm?: string; mjs?: string } | string;
export interface WebModelOptions {
  /** Where the ONNX Runtime .wasm/.mjs live when the bundler moved them (see components/review/ort-assets.ts). */
  wasmPaths?: WasmPaths;
  /** The same for the WebGPU (JSEP) build; without it WebGPU is not tried. */
  webgpuPaths?: WasmPaths;
  /** WASM threads; default: up to 4 of the device's cores when cross-origin isolated, else 1. */
  threads?: number;
}

export interface WebModel extends Detector {
  metadata: ModelMetadata;
  providerUsed: "wasm" | "webgpu";
  /** WASM threads the session runs on. */
  threads: number;
}

const cache = new Map<string, Promise<WebModel>>();

function firstLine(e: unknown): string {
  return ((e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "").slice(0, 200);
}

/** Threads need SharedArrayBuffer, which only a cross-origin isolated page has; outside a page (Node tests) one. */
function defaultThreads(): number {
  const g = globalThis as { crossOriginIsolated?: boolean; navigator?: { hardwareConcurrency?: number }; window?: unknown };
  if (g.window === undefined || g.crossOriginIsolated !== true) return 1;
  return Math.max(1, Math.min(4, g.navigator?.hardwareConcurrency ?? 1));
}

async function hasWebGpuAdapter(): Promise<boolean> {
  const gpu = (globalThis as { navigator?: { gpu?: { requestAdapter(): Promise<unknown> } } }).navigator?.gpu;
  if (!gpu) return false;
  try {
    return (await gpu.requestAdapter()) != null;
  } catch {
    return false;
  }
}

type Ort = typeof import("onnxruntime-web/wasm");
async function session(ort: Ort, bytes: Uint8Array, ep: "wasm" | "webgpu", paths: WasmPaths | undefined, threads: number) {
  ort.env.wasm.numThreads = threads;
  ort.env.wasm.proxy = false;
  if (paths) ort.env.wasm.wasmPaths = paths;
  return ort.InferenceSession.create(bytes, { executionProviders: ep === "webgpu" ? ["webgpu", "wasm"] : ["wasm"] });
}

async function load(bytes: Uint8Array, options: WebModelOptions): Promise<WebModel> {
  const props = readOnnxMetadataProps(bytes); // fails fast on a file that is not ONNX
  const threads = options.threads ?? defaultThreads();
  if (options.webgpuPaths && (await hasWebGpuAdapter())) {
    try {
      const ort = (await import("onnxruntime-web/webgpu")) as unknown as Ort;
      const s = await session(ort, bytes, "webgpu", options.webgpuPaths, threads);
      const { metadata, run } = sessionDetector(s, (type, data, dims) => new ort.Tensor(type, data, dims), props);
      return { metadata, run, providerUsed: "webgpu", threads };
    } catch (e) {
      console.warn(`WebGPU unavailable for this model, using WASM: ${firstLine(e)}`);
    }
  }
  const ort = await import("onnxruntime-web/wasm");
  let s;
  try {
    s = await session(ort, bytes, "wasm", options.wasmPaths, threads);
  } catch (e) {
    throw new AppError("unprocessable", `ONNX Runtime Web cannot load the model: ${firstLine(e)}`);
  }
  const { metadata, run } = sessionDetector(s, (type, data, dims) => new ort.Tensor(type, data, dims), props);
  return { metadata, run, providerUsed: "wasm", threads };
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
