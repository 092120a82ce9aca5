import { AppError } from "@/lib/errors";
import type { TensorInfo } from "./model-metadata";

// A Triton model configuration (model_config.proto) for an ONNX file served by the onnxruntime backend, derived from
// the file's own inputs and outputs. Pure: tensor infos and options in, a plain ModelConfig-shaped object out;
// triton-pbtxt.ts writes it in protobuf text format.

export type TritonKind = "cpu" | "gpu";

export interface TritonConfigOptions {
  /** KIND_CPU or KIND_GPU instance groups. */
  kind: TritonKind;
  /** Model instances (per GPU on GPU hosts). */
  instances: number;
  /** max_batch_size when every input and output has a dynamic first axis. */
  maxBatchSize: number;
  /** Dynamic batcher's preferred sizes; default: half the maximum and the maximum. */
  preferredBatchSizes?: number[];
  /** How long the dynamic batcher waits to fill a preferred batch. */
  maxQueueDelayMicroseconds: number;
  /** ONNX Runtime's TensorRT execution provider on GPU hosts (engines are built at load, then cached by Triton). */
  tensorrt?: { precision: "FP32" | "FP16"; maxWorkspaceBytes: number };
}

export interface TritonTensorConfig {
  name: string;
  dataType: string;
  dims: number[];
}

export interface TritonModelConfig {
  name: string;
  backend: "onnxruntime";
  maxBatchSize: number;
  input: TritonTensorConfig[];
  output: TritonTensorConfig[];
  dynamicBatching?: { preferredBatchSize: number[]; maxQueueDelayMicroseconds: number };
  instanceGroup: { count: number; kind: "KIND_CPU" | "KIND_GPU" }[];
  optimization?: {
    executionAccelerators: { gpuExecutionAccelerator: { name: "tensorrt"; parameters: Record<string, string> }[] };
  };
}

// ONNX Runtime's tensor element types (onnxruntime-common Tensor.Type) → model_config.proto DataType.
const DATA_TYPES: Record<string, string> = {
  bool: "TYPE_BOOL",
  uint8: "TYPE_UINT8",
  uint16: "TYPE_UINT16",
  uint32: "TYPE_UINT32",
  uint64: "TYPE_UINT64",
  int8: "TYPE_INT8",
  int16: "TYPE_INT16",
  int32: "TYPE_INT32",
  int64: "TYPE_INT64",
  float16: "TYPE_FP16",
  float32: "TYPE_FP32",
  float64: "TYPE_FP64",
  bfloat16: "TYPE_BF16",
  string: "TYPE_STRING",
};

// Triton model names are directory names of the repository: one path segment, no dot-only names.
const MODEL_NAME = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,128}$/;

export function assertTritonModelName(name: string): void {
  if (!MODEL_NAME.test(name)) {
    throw new AppError("bad_request", `'${name}' is not usable as a Triton model name (letters, digits, '.', '_', '-'; one path segment)`);
  }
}

const isDynamic = (d: number | string | undefined): boolean => typeof d !== "number" || d < 0;
const dimOf = (d: number | string): number => (isDynamic(d) ? -1 : (d as number));

function tensorConfig(t: TensorInfo, dropBatchAxis: boolean): TritonTensorConfig {
  const dataType = DATA_TYPES[t.type];
  if (!dataType)
    throw new AppError("unsupported", `Tensor '${t.name}' has type '${t.type}', which Triton's onnxruntime backend cannot serve`);
  const shape = dropBatchAxis ? t.shape.slice(1) : t.shape;
  return { name: t.name, dataType, dims: shape.map(dimOf) };
}

/** True when Triton may batch the model: every input and output has a dynamic first axis. */
export function hasDynamicBatchAxis(inputs: readonly TensorInfo[], outputs: readonly TensorInfo[]): boolean {
  const all = [...inputs, ...outputs];
  return all.length > 0 && all.every((t) => t.shape.length >= 1 && isDynamic(t.shape[0]));
}

function preferredSizes(o: TritonConfigOptions): number[] {
  const sizes = o.preferredBatchSizes ?? [Math.floor(o.maxBatchSize / 2), o.maxBatchSize];
  const bad = sizes.find((s) => !Number.isInteger(s) || s > o.maxBatchSize);
  if (bad !== undefined)
    throw new AppError("bad_request", `Preferred batch size ${bad} must be an integer ≤ max batch size ${o.maxBatchSize}`);
  return [...new Set(sizes.filter((s) => s >= 1))].sort((a, b) => a - b);
}

/** The config of one model: a fixed batch axis gives max_batch_size 0 (full shapes, no dynamic batching). */
export function tritonModelConfig(
  name: string,
  inputs: readonly TensorInfo[],
  outputs: readonly TensorInfo[],
  o: TritonConfigOptions,
): TritonModelConfig {
  assertTritonModelName(name);
  if (inputs.length === 0 || outputs.length === 0) throw new AppError("unprocessable", `Model '${name}' declares no inputs or no outputs`);
  if (!Number.isInteger(o.instances) || o.instances < 1) throw new AppError("bad_request", "Instance count must be a positive integer");
  if (o.tensorrt && o.kind !== "gpu") throw new AppError("bad_request", "The TensorRT accelerator needs GPU instances (--kind gpu)");
  const batching = hasDynamicBatchAxis(inputs, outputs) && o.maxBatchSize >= 1;
  const config: TritonModelConfig = {
    name,
    backend: "onnxruntime",
    maxBatchSize: batching ? o.maxBatchSize : 0,
    input: inputs.map((t) => tensorConfig(t, batching)),
    output: outputs.map((t) => tensorConfig(t, batching)),
    instanceGroup: [{ count: o.instances, kind: o.kind === "gpu" ? "KIND_GPU" : "KIND_CPU" }],
  };
  if (batching) config.dynamicBatching = { preferredBatchSize: preferredSizes(o), maxQueueDelayMicroseconds: o.maxQueueDelayMicroseconds };
  if (o.tensorrt) {
    const parameters = { precision_mode: o.tensorrt.precision, max_workspace_size_bytes: String(o.tensorrt.maxWorkspaceBytes) };
    config.optimization = { executionAccelerators: { gpuExecutionAccelerator: [{ name: "tensorrt", parameters }] } };
  }
  return config;
}
