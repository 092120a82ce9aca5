import * as ort from "onnxruntime-node";
import { AppError } from "@/lib/errors";
import type { TensorInfo } from "./model-metadata";

// An ONNX file's graph inputs and outputs (names, element types, shapes with symbolic axes as strings), as ONNX
// Runtime reads them: the same reader that serves the model in process, so a Triton config written from it
// declares exactly what the onnxruntime backend will find. Graph optimisation is off: only the signature is needed.
export async function readOnnxIo(bytes: Uint8Array): Promise<{ inputs: TensorInfo[]; outputs: TensorInfo[] }> {
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(bytes, { graphOptimizationLevel: "disabled", executionProviders: ["cpu"] });
  } catch (e) {
    throw new AppError(
      "unprocessable",
      `ONNX Runtime cannot read the model: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}`,
    );
  }
  try {
    const info = (m: ort.InferenceSession.ValueMetadata): TensorInfo =>
      m.isTensor ? { name: m.name, type: m.type, shape: [...m.shape] } : { name: m.name, type: "non-tensor", shape: [] };
    return { inputs: session.inputMetadata.map(info), outputs: session.outputMetadata.map(info) };
  } finally {
    await session.release();
  }
}
