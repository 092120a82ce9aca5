import { AppError } from "@/lib/errors";
import { float16ToFloat32 } from "./float16";
import type { OrtSessionLike, OrtTensorLike, OrtValueMetadata } from "./session-detector";

// A remote model behind the KServe v2 / Open Inference Protocol over HTTP (Triton, KServe, MLServer), shaped like an
// ONNX Runtime session so session-detector.ts feeds and decodes it exactly as a local one: the app letterboxes,
// decodes and applies NMS; the server only runs the ONNX graph. JSON tensors by default; `binary` uses Triton's
// binary tensor extension (raw little-endian bytes after the JSON header), much smaller for image batches.

export interface KserveOptions {
  /** Base URL of the inference server, e.g. http://triton:8000 */
  url: string;
  /** The model's name on that server. */
  model: string;
  /** Triton's binary tensor extension instead of JSON arrays. Default false. */
  binary?: boolean;
  /** Per-request timeout. Default 30 s. */
  timeoutMs?: number;
}

type V2Tensor = { name: string; datatype: string; shape: number[]; data?: number[]; parameters?: Record<string, unknown> };
const TYPES: Record<string, string> = { FP32: "float32", FP16: "float16" };
const BYTES_PER: Record<string, number> = { FP32: 4, FP16: 2 };

function unavailable(what: string, e: unknown): never {
  const why = e instanceof Error ? e.message : String(e);
  throw new AppError("unavailable", `Inference server ${what}: ${why.split("\n")[0]}`, { retryAfterSeconds: 1 });
}

// `notLoadedIsTransient`: a model answered 404 (metadata or inference) is not loaded there — a restarting Triton serves
// HTTP before its models, or the name is misconfigured (the start check and /api/ready name that) — and the study is
// not wrong: its job is retried like one against an unreachable server, and completes once the model is served.
async function call(o: KserveOptions, path: string, init: RequestInit = {}, notLoadedIsTransient = false): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`${o.url.replace(/\/$/, "")}${path}`, { ...init, signal: AbortSignal.timeout(o.timeoutMs ?? 30_000) });
  } catch (e) {
    return unavailable("unreachable", e);
  }
  if (res.ok) return res;
  const text = (await res.text().catch(() => "")).slice(0, 300);
  const detail = (() => {
    try {
      return String((JSON.parse(text) as { error?: unknown }).error ?? text);
    } catch {
      return text;
    }
  })();
  if (res.status >= 500 || res.status === 429 || (notLoadedIsTransient && res.status === 404))
    return unavailable(`answered ${res.status}`, detail);
  throw new AppError("unprocessable", `Inference server refused the request (${res.status}): ${detail}`);
}

const meta = (t: V2Tensor): OrtValueMetadata => ({
  name: t.name,
  isTensor: true,
  type: TYPES[t.datatype] ?? t.datatype,
  shape: t.shape.map((d, i) => (d >= 0 ? d : `dim${i}`)), // -1: dynamic, like ONNX Runtime's symbolic names
});

function encodeRequest(
  feeds: Record<string, OrtTensorLike>,
  outputs: string[],
  binary: boolean,
): { body: Uint8Array | string; headerLength?: number } {
  const inputs: V2Tensor[] = [];
  const blobs: Uint8Array[] = [];
  for (const [name, t] of Object.entries(feeds)) {
    const datatype = t.type === "float16" ? "FP16" : "FP32";
    const data = t.data as Float32Array | Uint16Array;
    if (binary) {
      blobs.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)); // little-endian on every host Node runs on
      inputs.push({ name, datatype, shape: [...t.dims], parameters: { binary_data_size: data.byteLength } });
    } else {
      const values = data instanceof Uint16Array ? float16ToFloat32(data) : data;
      inputs.push({ name, datatype, shape: [...t.dims], data: Array.from(values) });
    }
  }
  const header = JSON.stringify({
    inputs,
    outputs: outputs.map((name) => (binary ? { name, parameters: { binary_data: true } } : { name })),
  });
  if (!binary) return { body: header };
  const head = new TextEncoder().encode(header);
  const body = new Uint8Array(head.length + blobs.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const part of [head, ...blobs]) {
    body.set(part, at);
    at += part.length;
  }
  return { body, headerLength: head.length };
}

async function decodeResponse(res: Response): Promise<Record<string, OrtTensorLike>> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  const headerLength = Number(res.headers.get("inference-header-content-length") ?? bytes.length);
  let parsed: { outputs?: V2Tensor[] };
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes.subarray(0, headerLength)));
  } catch {
    throw new AppError("unprocessable", "Inference server answered with a body that is not a v2 response");
  }
  const out: Record<string, OrtTensorLike> = {};
  let at = headerLength;
  for (const t of parsed.outputs ?? []) {
    const size = Number(t.parameters?.binary_data_size ?? 0);
    let data: Float32Array | Uint16Array;
    if (size > 0) {
      const raw = bytes.slice(at, at + size); // a copy, aligned for the typed array
      at += size;
      if (!BYTES_PER[t.datatype]) throw new AppError("unsupported", `Output datatype '${t.datatype}' is not supported`);
      data = t.datatype === "FP16" ? new Uint16Array(raw.buffer) : new Float32Array(raw.buffer);
    } else {
      data = Float32Array.from(t.data ?? []);
    }
    out[t.name] = { type: TYPES[t.datatype] ?? t.datatype, data, dims: t.shape };
  }
  return out;
}

// "openvino/bf16" when the server states its engine and precision in the model metadata's parameters (as
// `cxr-train serve-openvino` does; bf16 changes outputs, so the registry records it with each evaluation); else null.
export function engineOfMetadata(m: { parameters?: Record<string, unknown> }): string | null {
  const p = m.parameters ?? {};
  const clean = (v: unknown) => (typeof v === "string" && /^[\w.-]{1,40}$/.test(v) ? v : null);
  const engine = clean(p.engine);
  if (!engine) return null;
  const precision = clean(p.precision);
  return precision ? `${engine}/${precision}` : engine;
}

/** Reads the model's v2 metadata and returns a session-like client (with the server's engine when it states one);
 * AppError when the server or model is absent. */
export async function openKserveSession(o: KserveOptions): Promise<OrtSessionLike & { engine: string | null }> {
  const path = `/v2/models/${encodeURIComponent(o.model)}`;
  const m = (await (await call(o, path, {}, true)).json()) as {
    inputs?: V2Tensor[];
    outputs?: V2Tensor[];
    parameters?: Record<string, unknown>;
  };
  if (!Array.isArray(m.inputs) || !Array.isArray(m.outputs))
    throw new AppError("unprocessable", `Inference server has no tensor metadata for '${o.model}'`);
  const outputNames = m.outputs.map((t) => t.name);
  return {
    engine: engineOfMetadata(m),
    inputMetadata: m.inputs.map(meta),
    outputMetadata: m.outputs.map(meta),
    async run(feeds) {
      const { body, headerLength } = encodeRequest(feeds, outputNames, o.binary ?? false);
      const headers: Record<string, string> =
        headerLength === undefined
          ? { "content-type": "application/json" }
          : { "content-type": "application/octet-stream", "inference-header-content-length": String(headerLength) };
      return decodeResponse(await call(o, `${path}/infer`, { method: "POST", headers, body: body as BodyInit }, true));
    },
  };
}

/** Readiness: the server is live and the model is loaded there (v2 `GET /v2/models/{name}/ready`); AppError if not. */
export async function probeKserve(o: KserveOptions): Promise<void> {
  await call(o, `/v2/models/${encodeURIComponent(o.model)}/ready`);
}
