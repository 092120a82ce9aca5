import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import type { TensorInfo } from "./model-metadata";
import { parseTritonConfig, tritonParserAvailable } from "./testing/triton-config-parser";
import { hasDynamicBatchAxis, tritonModelConfig, type TritonConfigOptions } from "./triton-config";
import { toPbtxt } from "./triton-pbtxt";

// Inputs/outputs as ONNX Runtime reports them for lib/inference/testing/tiny-yolo*.onnx (symbolic axes are strings).
const dynamicIo = {
  inputs: [{ name: "images", type: "float32", shape: ["batch", 3, 32, 32] }],
  outputs: [{ name: "output0", type: "float32", shape: ["batch", 6, 8] }],
};
const fixedIo = {
  inputs: [{ name: "images", type: "float32", shape: [1, 3, 32, 32] }],
  outputs: [{ name: "output0", type: "float32", shape: [1, 6, 8] }],
};
const cpu: TritonConfigOptions = { kind: "cpu", instances: 2, maxBatchSize: 8, maxQueueDelayMicroseconds: 500 };
const gpuTrt: TritonConfigOptions = {
  kind: "gpu",
  instances: 1,
  maxBatchSize: 16,
  preferredBatchSizes: [8, 16],
  maxQueueDelayMicroseconds: 100,
  tensorrt: { precision: "FP16", maxWorkspaceBytes: 1 << 30 },
};

describe("tritonModelConfig", () => {
  it("a dynamic batch axis gives max_batch_size, per-item dims and dynamic batching", () => {
    const c = tritonModelConfig("demo", dynamicIo.inputs, dynamicIo.outputs, cpu);
    expect(c).toEqual({
      name: "demo",
      backend: "onnxruntime",
      maxBatchSize: 8,
      input: [{ name: "images", dataType: "TYPE_FP32", dims: [3, 32, 32] }],
      output: [{ name: "output0", dataType: "TYPE_FP32", dims: [6, 8] }],
      dynamicBatching: { preferredBatchSize: [4, 8], maxQueueDelayMicroseconds: 500 },
      instanceGroup: [{ count: 2, kind: "KIND_CPU" }],
    });
  });

  it("a fixed-batch model gets max_batch_size 0, its full shapes and no dynamic batching", () => {
    const c = tritonModelConfig("demo-b1", fixedIo.inputs, fixedIo.outputs, cpu);
    expect(c.maxBatchSize).toBe(0);
    expect(c.input[0]!.dims).toEqual([1, 3, 32, 32]);
    expect(c.output[0]!.dims).toEqual([1, 6, 8]);
    expect(c.dynamicBatching).toBeUndefined();
    expect(hasDynamicBatchAxis(fixedIo.inputs, fixedIo.outputs)).toBe(false);
  });

  it("other dynamic axes become -1; fp16 tensors TYPE_FP16; a GPU group with the TensorRT accelerator", () => {
    const inputs: TensorInfo[] = [{ name: "images", type: "float16", shape: ["batch", 3, "height", "width"] }];
    const outputs: TensorInfo[] = [{ name: "output0", type: "float16", shape: ["batch", 6, "anchors"] }];
    const c = tritonModelConfig("m", inputs, outputs, gpuTrt);
    expect(c.input[0]).toEqual({ name: "images", dataType: "TYPE_FP16", dims: [3, -1, -1] });
    expect(c.output[0]!.dims).toEqual([6, -1]);
    expect(c.instanceGroup).toEqual([{ count: 1, kind: "KIND_GPU" }]);
    expect(c.dynamicBatching).toEqual({ preferredBatchSize: [8, 16], maxQueueDelayMicroseconds: 100 });
    expect(c.optimization?.executionAccelerators.gpuExecutionAccelerator).toEqual([
      { name: "tensorrt", parameters: { precision_mode: "FP16", max_workspace_size_bytes: "1073741824" } },
    ]);
  });

  it("a model whose output batch axis is fixed is not batched even if its input is dynamic", () => {
    const c = tritonModelConfig("m", dynamicIo.inputs, fixedIo.outputs, cpu);
    expect(c.maxBatchSize).toBe(0);
    expect(c.input[0]!.dims).toEqual([-1, 3, 32, 32]);
  });

  it("refuses what Triton could not load, with the reason", () => {
    expect(() => tritonModelConfig("a/b", dynamicIo.inputs, dynamicIo.outputs, cpu)).toThrow(/not usable as a Triton model name/);
    expect(() => tritonModelConfig("..", dynamicIo.inputs, dynamicIo.outputs, cpu)).toThrow(/not usable/);
    expect(() => tritonModelConfig("m", dynamicIo.inputs, dynamicIo.outputs, { ...cpu, tensorrt: gpuTrt.tensorrt })).toThrow(
      /needs GPU instances/,
    );
    expect(() => tritonModelConfig("m", [{ name: "x", type: "non-tensor", shape: [] }], dynamicIo.outputs, cpu)).toThrow(/cannot serve/);
    expect(() => tritonModelConfig("m", dynamicIo.inputs, dynamicIo.outputs, { ...cpu, preferredBatchSizes: [4, 32] })).toThrow(
      /32 must be an integer ≤ max batch size 8/,
    );
    expect(() => tritonModelConfig("m", dynamicIo.inputs, dynamicIo.outputs, { ...cpu, instances: 0 })).toThrow(/positive integer/);
    expect(() => tritonModelConfig("m", [], dynamicIo.outputs, cpu)).toThrow(/no inputs/);
  });
});

// Parsed back with Triton's own model_config.proto: the text is what tritonserver reads, field for field.
describe.skipIf(!tritonParserAvailable && !env.CI)("config.pbtxt parsed by Triton's model_config.proto", () => {
  it.each([
    ["dynamic batch, CPU", tritonModelConfig("demo-nodule-mass", dynamicIo.inputs, dynamicIo.outputs, cpu)],
    ["fixed batch", tritonModelConfig("demo-b1", fixedIo.inputs, fixedIo.outputs, cpu)],
    [
      "GPU + TensorRT",
      tritonModelConfig("m-1.0", [{ name: 'in "q" é', type: "float16", shape: ["b", 3, "h", "w"] }], dynamicIo.outputs, gpuTrt),
    ],
  ])("%s", (_, config) => {
    expect(parseTritonConfig(toPbtxt(config))).toEqual(config);
  });
});

if (!tritonParserAvailable && !env.CI) console.warn("SKIPPED: Triton config parse-back (run scripts/ensure-deploy-tools.sh)");
