import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { detect } from "./detect";
import { loadModel, releaseModels } from "./onnx-session";
import type { Detection } from "./postprocess";
import type { GreyImage } from "./preprocess";

const model = (name: string) => path.join(__dirname, "testing", name);
afterAll(() => releaseModels());

// 48x32 white: r = 2/3 -> 32x21 at padY 5, so the input mean is (672 + 352 * 114/255) / 1024
const wide: GreyImage = { width: 48, height: 32, data: new Uint8Array(48 * 32).fill(255) };
// 16x16 black: r = 2, no padding, input mean 0
const small: GreyImage = { width: 16, height: 16, data: new Uint8Array(16 * 16) };
const wideMean = (672 + 352 * (114 / 255)) / 1024;

const expectedWide = [
  ["Mass", 0.9, [6, 0, 18, 10.5]], // anchor (4,4,12,12): x / (2/3), (y - 5) / (2/3), clamped
  ["Nodule", 0.7, [7.5, 0, 19.5, 12]],
  ["Mass", 0.6, [30, 22.5, 42, 32]],
  ["Nodule", 0.1 + 0.5 * wideMean, [1.5, 9, 46.5, 24]], // the input-dependent anchor (1,11,31,21)
  ["Nodule", 0.35, [37.5, 0, 46.5, 3]],
] as const;
const expectedSmall = [
  ["Mass", 0.9, [2, 2, 6, 6]],
  ["Nodule", 0.7, [2.5, 2.5, 6.5, 6.5]],
  ["Mass", 0.6, [10, 10, 14, 14]],
  ["Nodule", 0.35, [12.5, 0.5, 15.5, 3.5]],
] as const;

function expectDetections(got: Detection[], want: typeof expectedWide | typeof expectedSmall, digits = 5) {
  expect(got.map((d) => d.className)).toEqual(want.map((w) => w[0]));
  got.forEach((d, i) => {
    expect(d.confidence).toBeCloseTo(want[i]![1], digits);
    d.box.forEach((v, k) => expect(v).toBeCloseTo(want[i]![2][k]!, 4));
  });
}

describe("onnx-session with the tiny YOLOv8-style model", () => {
  it("loads on CPU and parses the Ultralytics metadata", async () => {
    const m = await loadModel(model("tiny-yolo.onnx"));
    expect(m.providerUsed).toBe("cpu");
    expect(m.metadata).toMatchObject({
      names: ["Mass", "Nodule"],
      inputWidth: 32,
      inputHeight: 32,
      batch: "dynamic",
      head: "anchors",
      stride: 32,
    });
    expect(await loadModel(model("tiny-yolo.onnx"))).toBe(m); // cached
    const calm = await loadModel(model("tiny-yolo.onnx"), { spinning: false }); // ORT pool threads do not spin while idle
    expect(calm).not.toBe(m);
    expect(calm.metadata).toEqual(m.metadata);
  });

  it("detects on two images of different sizes, boxes in each image's pixels", async () => {
    const m = await loadModel(model("tiny-yolo.onnx"));
    for (const maxBatch of [8, 1]) {
      const [a, b] = await detect(m, [wide, small], { maxBatch });
      expectDetections(a!, expectedWide);
      expectDetections(b!, expectedSmall);
      expect(a![0]!.boxNorm[2]).toBeCloseTo(18 / 48, 6);
    }
  });

  it("loads from bytes and falls back from an unavailable provider with one warning", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const bytes = new Uint8Array(readFileSync(model("tiny-yolo.onnx")));
    const m = await loadModel(bytes, { providers: ["no-such-ep", "cpu"] });
    expect(m.providerUsed).toBe("cpu");
    expect(m.key).toMatch(/^sha256:/);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/'no-such-ep' unavailable .*falling back to 'cpu'/);
    warn.mockRestore();
  });

  it("tries CUDA first when asked and ends on a working provider", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const m = await loadModel(model("tiny-yolo.onnx"), { providers: ["cuda", "cpu"], intraOpThreads: 1 });
    expect(["cuda", "cpu"]).toContain(m.providerUsed);
    if (m.providerUsed === "cpu") expect(String(warn.mock.calls[0]?.[0])).toMatch(/'cuda' unavailable/);
    warn.mockRestore();
    const [a] = await detect(m, [wide]);
    expectDetections(a!, expectedWide);
  });

  it("runs the end-to-end and float16 variants", async () => {
    const e2e = await loadModel(model("tiny-yolo-e2e.onnx"));
    expect(e2e.metadata.head).toBe("end2end");
    const [a, b] = await detect(e2e, [wide, small]);
    expectDetections(a!, expectedWide);
    expectDetections(b!, expectedSmall);
    const half = await loadModel(model("tiny-yolo-fp16.onnx"));
    expect(half.metadata.inputType).toBe("float16");
    const [c, d] = await detect(half, [wide, small]);
    expectDetections(c!, expectedWide, 2);
    expectDetections(d!, expectedSmall, 2);
  });

  it("rejects unreadable files, non-ONNX bytes and non-detect models with AppErrors, and caches no failure", async () => {
    await expect(loadModel(model("missing.onnx"))).rejects.toBeInstanceOf(AppError);
    await expect(loadModel(new TextEncoder().encode("not a model at all"))).rejects.toBeInstanceOf(AppError);
    const bytes = new Uint8Array(readFileSync(model("tiny-yolo.onnx")));
    const at = Buffer.from(bytes).indexOf("detect");
    bytes.set(new TextEncoder().encode("classi"), at); // same length, so the protobuf stays valid
    await expect(loadModel(bytes)).rejects.toThrow(/task 'classi'/);
    await expect(loadModel(bytes)).rejects.toThrow(/task 'classi'/); // tried again, not served from a cache
  });

  it("checks the batch size handed to run()", async () => {
    const m = await loadModel(model("tiny-yolo.onnx"));
    await expect(m.run(new Float32Array(10), 1)).rejects.toBeInstanceOf(AppError);
  });
});
