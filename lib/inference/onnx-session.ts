import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import * as ort from "onnxruntime-node";
import { AppError } from "@/lib/errors";
import type { Detector } from "./detect";
import { readOnnxMetadataProps } from "./onnx-metadata-props";
import { sessionDetector } from "./session-detector";

// The one module that owns onnxruntime-node sessions: load (with provider fallback), cache, run, release.

export interface LoadModelOptions {
  /** Execution providers to try in order, e.g. ["cuda", "cpu"]; CPU is always the last resort. Default ["cpu"]. */
  providers?: readonly string[];
  intraOpThreads?: number;
  /** Let ONNX Runtime's idle pool threads spin (its default). Off gives the cores back to other work (HTTP, image
   * decoding) between runs, at a small cost in latency. Default true. */
  spinning?: boolean;
  /** Cache key; default: the resolved file path, or the SHA-256 of the bytes. */
  key?: string;
}

export interface LoadedModel extends Detector {
  key: string;
  providerUsed: string;
}

/** Where load() leaves its session, so a failed load or a release can free it. */
interface SessionSlot {
  session?: ort.InferenceSession;
}
const cache = new Map<string, { model: Promise<LoadedModel>; slot: SessionSlot }>();

function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return (text.split("\n")[0] ?? "").slice(0, 200);
}

async function createSession(bytes: Uint8Array, options: LoadModelOptions) {
  const wanted = [...(options.providers ?? ["cpu"]).filter((p) => p !== "cpu"), "cpu"];
  const threads = options.intraOpThreads !== undefined ? { intraOpNumThreads: options.intraOpThreads } : {};
  const spin =
    options.spinning === false ? { extra: { session: { intra_op: { allow_spinning: "0" }, inter_op: { allow_spinning: "0" } } } } : {};
  for (const [i, provider] of wanted.entries()) {
    try {
      // One provider per try: given a list, onnxruntime-common drops unavailable names and loads anyway, so we
      // could not tell which one ran. ONNX Runtime still runs any node the chosen provider lacks on the CPU.
      const session = await ort.InferenceSession.create(bytes, { executionProviders: [provider], ...threads, ...spin });
      return { session, provider };
    } catch (e) {
      if (provider === "cpu") throw new AppError("unprocessable", `ONNX Runtime cannot load the model: ${firstLine(e)}`);
      console.warn(`[inference] execution provider '${provider}' unavailable (${firstLine(e)}); falling back to '${wanted[i + 1]}'`);
    }
  }
  throw new AppError("unavailable", "No execution provider could load the model"); // unreachable: cpu is last
}

async function load(source: string | Uint8Array, key: string, options: LoadModelOptions, slot: SessionSlot): Promise<LoadedModel> {
  const bytes = typeof source === "string" ? await readModelFile(source) : source;
  const props = readOnnxMetadataProps(bytes); // fails fast on a file that is not ONNX
  const { session, provider } = await createSession(bytes, options);
  slot.session = session;
  const { metadata, run } = sessionDetector(session, (type, data, dims) => new ort.Tensor(type, data, dims), props);
  return { key, metadata, providerUsed: provider, run };
}

/** Loads (or returns the cached) model. A failed load is not cached. */
export function loadModel(source: string | Uint8Array, options: LoadModelOptions = {}): Promise<LoadedModel> {
  const base =
    options.key ??
    (typeof source === "string" ? `file:${path.resolve(source)}` : `sha256:${createHash("sha256").update(source).digest("hex")}`);
  const key = `${base}|${(options.providers ?? ["cpu"]).join(",")}|${options.intraOpThreads ?? ""}|${options.spinning ?? ""}`;
  const cached = cache.get(key);
  if (cached) return cached.model;
  const slot: SessionSlot = {};
  const entry = { model: load(source, key, options, slot), slot };
  cache.set(key, entry);
  entry.model.catch(async () => {
    if (cache.get(key) === entry) cache.delete(key);
    await slot.session?.release(); // e.g. loaded, then rejected as not a detector
  });
  return entry.model;
}

async function readModelFile(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (e) {
    throw new AppError("unavailable", `Cannot read model file ${path.basename(file)}: ${firstLine(e)}`);
  }
}

/** Releases one cached model (by its `key`) or, with no key, all of them. */
export async function releaseModels(key?: string): Promise<void> {
  const keys = key === undefined ? [...cache.keys()] : [key];
  for (const k of keys) {
    const entry = cache.get(k);
    cache.delete(k);
    if (!entry) continue;
    const loaded = await entry.model.then(() => true).catch(() => false);
    if (loaded) await entry.slot.session?.release(); // a failed load releases its own session
  }
}
