import { AppError } from "@/lib/errors";
import type { BatchResult, Detector } from "./detect";
import { float16ToFloat32, float32ToFloat16 } from "./float16";
import { parseModelMetadata, type ModelMetadata, type TensorInfo } from "./model-metadata";
import { decodeDetections } from "./postprocess";

// An ONNX Runtime session (onnxruntime-node, onnxruntime-web, or anything shaped like them) as a Detector: the one
// place that builds the input tensor and reads the output tensor, so server and browser feed and decode alike.

/** The parts of onnxruntime-common's Tensor this module reads. */
export interface OrtTensorLike {
  readonly type: string;
  readonly data: unknown;
  readonly dims: readonly number[];
}
/** onnxruntime-common's InferenceSession.ValueMetadata, structurally. */
export type OrtValueMetadata =
  { name: string; isTensor: true; type: string; shape: ReadonlyArray<number | string> } | { name: string; isTensor: false };
export interface OrtSessionLike {
  readonly inputMetadata: readonly OrtValueMetadata[];
  readonly outputMetadata: readonly OrtValueMetadata[];
  run(feeds: Record<string, OrtTensorLike>): Promise<Record<string, OrtTensorLike>>;
}
export type MakeTensor = (type: "float32" | "float16", data: Float32Array | Uint16Array, dims: number[]) => OrtTensorLike;

function tensorInfos(meta: readonly OrtValueMetadata[]): TensorInfo[] {
  return meta.map((m) => (m.isTensor ? { name: m.name, type: m.type, shape: m.shape } : { name: m.name, type: "non-tensor", shape: [] }));
}

/** Validates the model as an Ultralytics detector (AppError otherwise) and wraps its session. */
export function sessionDetector(
  session: OrtSessionLike,
  makeTensor: MakeTensor,
  props: Record<string, string>,
): Detector & { metadata: ModelMetadata } {
  const metadata = parseModelMetadata(props, tensorInfos(session.inputMetadata), tensorInfos(session.outputMetadata));
  const { inputName, outputName, channels, inputHeight, inputWidth, inputType } = metadata;
  const run = async (batch: Float32Array, n: number): Promise<BatchResult> => {
    if (batch.length !== n * channels * inputHeight * inputWidth) {
      throw new AppError("bad_request", `Batch of ${batch.length} values is not ${n}x${channels}x${inputHeight}x${inputWidth}`);
    }
    const dims = [n, channels, inputHeight, inputWidth];
    const feed = inputType === "float16" ? makeTensor("float16", float32ToFloat16(batch), dims) : makeTensor("float32", batch, dims);
    const result = await session.run({ [inputName]: feed });
    const tensor = result[outputName];
    if (!tensor) throw new AppError("unprocessable", `Model returned no '${outputName}' output`);
    const raw = tensor.data;
    const data = raw instanceof Float32Array ? raw : raw instanceof Uint16Array ? float16ToFloat32(raw) : undefined;
    if (!data) throw new AppError("unsupported", `Output type '${tensor.type}' is not supported`);
    const out = { data, dims: tensor.dims };
    return { decode: (letterboxes, opts) => decodeDetections(out, metadata.head, metadata.names, letterboxes, opts) };
  };
  return { metadata, run };
}
