import { AppError } from "@/lib/errors";
import { loadKserveModel } from "./kserve-model";
import type { KserveOptions } from "./kserve-session";
import type { TensorInfo } from "./model-metadata";
import { readOnnxIo } from "./onnx-io";

// Startup / readiness check of the KServe v2 scale option: the server serves the registered model under the expected
// name, with the ONNX file's inputs and outputs, and answers an inference in the configured tensor protocol (JSON or
// Triton's binary extension). Without it a misconfigured server reports "loaded" and then fails every prediction.
// Returns { ok, detail } like a readiness check; `assertKserveModel` throws instead. At start, run it with the probe
// inference; in a readiness endpoint polled every few seconds, `probe: false` keeps it to three metadata GETs.

export type KserveCheck = { ok: boolean; detail: string };
export type KserveCheckOptions = {
  /** The largest batch the app sends (INFERENCE_MAX_BATCH); Triton's max_batch_size must allow it. Default 1. */
  maxBatch?: number;
  /** Run one blank image through the model in the configured tensor protocol. Default true. */
  probe?: boolean;
};

// The ONNX signature per registered file (a readiness check runs often; reading it needs an ONNX Runtime session).
const ioCache = new WeakMap<Uint8Array, Promise<{ inputs: TensorInfo[]; outputs: TensorInfo[] }>>();
function onnxIo(bytes: Uint8Array) {
  let io = ioCache.get(bytes);
  if (!io) {
    io = readOnnxIo(bytes);
    io.catch(() => ioCache.delete(bytes));
    ioCache.set(bytes, io);
  }
  return io;
}

const V2_TYPES: Record<string, string> = {
  float32: "FP32",
  float16: "FP16",
  float64: "FP64",
  int64: "INT64",
  int32: "INT32",
  uint8: "UINT8",
  bool: "BOOL",
};
type V2Tensor = { name: string; datatype: string; shape: number[] };

async function getJson(o: KserveOptions, path: string): Promise<{ status: number; body: unknown }> {
  let res: Response;
  try {
    res = await fetch(`${o.url.replace(/\/$/, "")}${path}`, { signal: AbortSignal.timeout(Math.min(o.timeoutMs ?? 10_000, 10_000)) });
  } catch (e) {
    const c = (e as { cause?: { code?: string; message?: string } }).cause;
    const cause = c?.code ?? c?.message ?? (e as Error).message;
    throw new AppError("unavailable", `inference server unreachable at ${o.url} (${cause})`);
  }
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: text };
  }
}

// ONNX dims against the server's: same rank and names; a fixed dim must match unless the server leaves it dynamic
// (-1) and the ONNX has it dynamic too. Triton prepends its batch axis (-1) when it batches.
function signatureMismatch(kind: string, want: readonly TensorInfo[], got: readonly V2Tensor[]): string | undefined {
  for (const w of want) {
    const g = got.find((t) => t.name === w.name);
    if (!g) return `${kind} '${w.name}' missing (server has ${got.map((t) => t.name).join(", ") || "none"})`;
    if (V2_TYPES[w.type] && g.datatype !== V2_TYPES[w.type])
      return `${kind} '${w.name}' is ${g.datatype}, the model file says ${V2_TYPES[w.type]}`;
    const same =
      g.shape.length === w.shape.length &&
      w.shape.every((d, i) => (typeof d === "number" && d >= 0 ? g.shape[i] === d || g.shape[i] === -1 : g.shape[i] === -1));
    if (!same) return `${kind} '${w.name}' has shape [${g.shape.join(", ")}], the model file says [${w.shape.join(", ")}]`;
  }
  if (got.length !== want.length) return `server declares ${got.length} ${kind}s, the model file ${want.length}`;
  return undefined;
}

/** Checks the server against the registered ONNX bytes. */
export async function checkKserveModel(
  bytes: Uint8Array,
  o: KserveOptions,
  { maxBatch = 1, probe = true }: KserveCheckOptions = {},
): Promise<KserveCheck> {
  const name = encodeURIComponent(o.model);
  try {
    const ready = await getJson(o, `/v2/models/${name}/ready`);
    if (ready.status !== 200) return { ok: false, detail: `model '${o.model}' is not ready on ${o.url} (HTTP ${ready.status})` };
    const meta = await getJson(o, `/v2/models/${name}`);
    const m = meta.body as { inputs?: V2Tensor[]; outputs?: V2Tensor[] };
    if (meta.status !== 200 || !Array.isArray(m.inputs) || !Array.isArray(m.outputs))
      return { ok: false, detail: `no tensor metadata for '${o.model}' (HTTP ${meta.status})` };
    const io = await onnxIo(bytes);
    const mismatch = signatureMismatch("input", io.inputs, m.inputs) ?? signatureMismatch("output", io.outputs, m.outputs);
    if (mismatch) return { ok: false, detail: `'${o.model}' on the server is not the registered model: ${mismatch}` };
    // Triton also reports its batching limit; other v2 servers have no /config (then the probe below decides).
    const config = await getJson(o, `/v2/models/${name}/config`);
    const serverMax = (config.body as { max_batch_size?: number } | undefined)?.max_batch_size;
    if (config.status === 200 && typeof serverMax === "number" && serverMax > 0 && serverMax < maxBatch) {
      return {
        ok: false,
        detail: `'${o.model}' has max_batch_size ${serverMax} but the app sends batches of up to ${maxBatch} (INFERENCE_MAX_BATCH)`,
      };
    }
    if (!probe) return { ok: true, detail: `'${o.model}' ready with the registered inputs/outputs` };
    // One blank image through the production client: the tensor protocol works end to end.
    const model = await loadKserveModel(bytes, o);
    const { channels, inputHeight, inputWidth } = model.metadata;
    const n = model.metadata.batch === "dynamic" ? 1 : model.metadata.batch;
    await model.run(new Float32Array(n * channels * inputHeight * inputWidth), n);
    return { ok: true, detail: `'${o.model}' served with the registered inputs/outputs, ${o.binary ? "binary" : "JSON"} tensors` };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const protocol = o.binary ? "binary tensors (INFERENCE_KSERVE_BINARY=true)" : "JSON tensors";
    if ((e as { code?: string }).code === "unprocessable" && /refused the request/.test(why))
      return { ok: false, detail: `the server refused ${protocol}: ${why}` };
    return { ok: false, detail: why.split("\n")[0]! };
  }
}

/** For startup: throws AppError("unavailable") with the reason when the check fails. */
export async function assertKserveModel(bytes: Uint8Array, o: KserveOptions, options: KserveCheckOptions = {}): Promise<void> {
  const r = await checkKserveModel(bytes, o, options);
  if (!r.ok) throw new AppError("unavailable", `KServe model check failed: ${r.detail}`);
}
