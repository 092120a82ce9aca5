import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseModelMetadata, type TensorInfo } from "./model-metadata";

const props = { task: "detect", names: "{0: 'Mass', 1: 'Nodule', 2: 'Effusion'}", imgsz: "[640, 640]", stride: "32" };
const input = (shape: TensorInfo["shape"], type = "float32"): TensorInfo[] => [{ name: "images", type, shape }];
const output = (shape: TensorInfo["shape"]): TensorInfo[] => [{ name: "output0", type: "float32", shape }];

describe("parseModelMetadata", () => {
  it("reads a fixed-batch YOLOv8/11 export", () => {
    const m = parseModelMetadata(props, input([1, 3, 640, 640]), output([1, 7, 8400]));
    expect(m).toMatchObject({
      task: "detect",
      names: ["Mass", "Nodule", "Effusion"],
      inputName: "images",
      outputName: "output0",
      inputWidth: 640,
      inputHeight: 640,
      channels: 3,
      batch: 1,
      head: "anchors",
      stride: 32,
    });
  });

  it("takes dynamic batch and size from the metadata (imgsz is [h, w])", () => {
    const m = parseModelMetadata({ ...props, imgsz: "[512, 640]" }, input(["batch", 3, "h", "w"]), output(["batch", 7, "anchors"]));
    expect(m).toMatchObject({ batch: "dynamic", inputHeight: 512, inputWidth: 640, head: "anchors" });
  });

  it("recognises an end-to-end [B, N, 6] head", () => {
    expect(parseModelMetadata(props, input([1, 3, 640, 640]), output([1, 300, 6])).head).toBe("end2end");
  });

  it("disambiguates nc = 2 with a [B, 6, 6] output using end2end / nms metadata", () => {
    const two = { ...props, names: "{0: 'Mass', 1: 'Nodule'}" };
    expect(parseModelMetadata(two, input([1, 3, 64, 64]), output([1, 6, 6])).head).toBe("anchors");
    expect(parseModelMetadata({ ...two, end2end: "True" }, input([1, 3, 64, 64]), output([1, 6, 6])).head).toBe("end2end");
    expect(parseModelMetadata({ ...two, args: "{'nms': True}" }, input([1, 3, 64, 64]), output([1, 6, 6])).head).toBe("end2end");
  });

  it("accepts a single-channel input", () => {
    expect(parseModelMetadata(props, input([1, 1, 640, 640]), output([1, 7, 8400])).channels).toBe(1);
  });

  it("rejects non-detect tasks, missing names and mismatched heads with clear AppErrors", () => {
    const run =
      (p: Record<string, string>, out = output([1, 7, 8400])) =>
      () =>
        parseModelMetadata(p, input([1, 3, 640, 640]), out);
    expect(run({ ...props, task: "segment" })).toThrow(/task 'segment'/);
    expect(run({ ...props, task: "segment" })).toThrow(AppError);
    expect(run({ task: "detect" })).toThrow(/names/);
    expect(run({ names: props.names })).toThrow(/task/);
    expect(run(props, output([1, 9, 8400]))).toThrow(/neither/);
    expect(() => parseModelMetadata(props, input([1, 3, "h", "w"]), output([1, 7, 8400]))).not.toThrow();
    expect(() => parseModelMetadata({ task: "detect", names: props.names }, input([1, 3, "h", 640]), output([1, 7, 8400]))).toThrow(
      /imgsz/,
    );
    expect(() => parseModelMetadata(props, input([1, 3, 640, 640], "uint8"), output([1, 7, 8400]))).toThrow(/input type/);
  });
});
