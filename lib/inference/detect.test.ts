import { describe, expect, it } from "vitest";
import { detect, type Detector } from "./detect";
import type { ModelMetadata } from "./model-metadata";
import { decodeDetections } from "./postprocess";
import type { GreyImage } from "./preprocess";
import { TINY_NAMES, tinyAnchorsOutput } from "./testing/tiny-yolo-fixture";

const meta = (batch: ModelMetadata["batch"]): ModelMetadata => ({
  task: "detect",
  names: TINY_NAMES,
  inputName: "images",
  outputName: "output0",
  inputType: "float32",
  inputWidth: 32,
  inputHeight: 32,
  channels: 3,
  batch,
  head: "anchors",
});

/** A pure stand-in for the tiny ONNX model: same output, computed from each item's mean. */
function fakeDetector(batch: ModelMetadata["batch"], calls: number[]): Detector {
  const metadata = meta(batch);
  return {
    metadata,
    run: async (data, n) => {
      calls.push(n);
      const size = data.length / n;
      const means = Array.from({ length: n }, (_, i) => data.subarray(i * size, (i + 1) * size).reduce((a, b) => a + b, 0) / size);
      const out = tinyAnchorsOutput(means);
      return { decode: (lbs, opts) => decodeDetections(out, metadata.head, metadata.names, lbs, opts) };
    },
  };
}

const white: GreyImage = { width: 16, height: 16, data: new Uint8Array(256).fill(255) };
const black: GreyImage = { width: 16, height: 16, data: new Uint8Array(256) };

describe("detect", () => {
  it("chunks a dynamic batch by maxBatch and keeps image order", async () => {
    const calls: number[] = [];
    const res = await detect(fakeDetector("dynamic", calls), [white, black, white], { maxBatch: 2 });
    expect(calls).toEqual([2, 1]);
    expect(res.map((d) => d.length)).toEqual([5, 4, 5]); // white images also get anchor 7 (0.1 + 0.5)
    expect(res[1]![0]!.box).toEqual([2, 2, 6, 6]); // 16x16 -> 32x32: boxes halve
  });

  it("pads a fixed-batch model's last run with blank images and drops their results", async () => {
    const calls: number[] = [];
    const res = await detect(fakeDetector(2, calls), [black, white, black], { maxBatch: 100 });
    expect(calls).toEqual([2, 2]);
    expect(res.map((d) => d.length)).toEqual([4, 5, 4]);
  });

  it("passes decode options through", async () => {
    const res = await detect(fakeDetector("dynamic", []), [black], { confidence: 0.65 });
    expect(res[0]!.map((d) => d.className)).toEqual(["Mass", "Nodule"]);
  });
});
