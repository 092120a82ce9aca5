import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { metricsRegistry } from "@/lib/metrics/registry";
import { createEngine, type Engine } from "./engine";
import { closeAllEngines, closeEngine, getEngine } from "./engine-cache";
import type { GreyImage } from "./preprocess";
import { decodeRaster } from "@/lib/dicom/decode-raster";
import { makeChestPng } from "@/test/fixtures/synthetic-study";

const model = (name: string) => path.join(__dirname, "testing", name);

/** A fresh image (detect takes ownership of its buffer); means differ, so the input-dependent score tells them apart. */
const image = (i: number): GreyImage => {
  const width = 16 + (i % 3) * 8;
  return { width, height: 16, data: new Uint8Array(width * 16).fill((i * 37) % 256) };
};
const images = (n: number) => Array.from({ length: n }, (_, i) => image(i));
const rejections = (settled: PromiseSettledResult<unknown>[]) =>
  settled.filter((s): s is PromiseRejectedResult => s.status === "rejected").map((s) => s.reason as unknown);

// Worker threads take a moment to start, so the tests share one engine per model file.
let tiny: Engine;
let e2e: Engine;
let half: Engine;
let fixed: Engine;
const labels = { model: "tiny-test", version: "v1" };
beforeAll(async () => {
  [tiny, e2e, half, fixed] = await Promise.all([
    createEngine({ modelPath: model("tiny-yolo.onnx"), key: "tiny@1", labels, maxBatchSize: 4, maxQueueSize: 6, maxQueueDelayMs: 20 }),
    createEngine({ modelBytes: readFileSync(model("tiny-yolo-e2e.onnx")), key: "tiny-e2e@1", maxQueueDelayMs: 50 }),
    createEngine({ modelPath: model("tiny-yolo-fp16.onnx"), key: "tiny-fp16@1", maxQueueDelayMs: 50 }),
    createEngine({ modelPath: model("tiny-yolo-b1.onnx"), key: "tiny-b1@1", maxBatchSize: 8, maxQueueDelayMs: 20 }),
  ]);
}, 30_000);
afterAll(async () => {
  await Promise.all([tiny, e2e, half, fixed].map((e) => e?.close()));
  await closeAllEngines();
});

describe("createEngine", () => {
  it("coalesces concurrent requests into batches whose results equal sequential ones", async () => {
    expect(tiny.providerUsed).toBe("cpu");
    expect(tiny.metadata).toMatchObject({ batch: "dynamic", inputWidth: 32 });
    const before = tiny.stats();
    const sequential = [];
    for (const img of images(10)) sequential.push(await tiny.detect(img));
    expect(sequential.map((r) => r.batchSize)).toEqual(Array(10).fill(1));
    const concurrent = await Promise.all(images(10).map((img) => tiny.detect(img)));
    expect(concurrent.map((r) => r.detections)).toEqual(sequential.map((r) => r.detections));
    expect(concurrent.map((r) => r.batchSize)).toEqual([4, 4, 4, 4, 4, 4, 4, 4, 2, 2]); // full batches start at once
    expect(tiny.stats()).toMatchObject({ requests: before.requests + 20, batches: before.batches + 13, largestBatch: 4, queueDepth: 0 });
    const t = concurrent[9]!.timings;
    expect(t.totalMs).toBeGreaterThanOrEqual(t.queueMs + t.preprocessMs + t.inferenceMs);
  });

  it("sizes a dynamic model's batches by measured throughput, with the same detections", async () => {
    const adaptive = await createEngine({ modelPath: model("tiny-yolo.onnx"), key: "tiny-adaptive@1", maxBatchSize: 4, maxQueueSize: 64 });
    try {
      const sequential = [];
      for (const img of images(6)) sequential.push((await adaptive.detect(img)).detections);
      const concurrent = await Promise.all(images(24).map((img) => adaptive.detect(img)));
      expect(concurrent.slice(0, 6).map((r) => r.detections)).toEqual(sequential);
      const sizes = new Set(concurrent.map((r) => r.batchSize));
      expect([...sizes].every((n) => n >= 1 && n <= 4)).toBe(true);
      expect(sizes.size).toBeGreaterThan(1); // it tried more than one size
    } finally {
      await adaptive.close();
    }
  });

  it("decodes an encoded file on a worker ahead of its batch: the same boxes as its grey image, a damaged one fails alone", async () => {
    const engine = await createEngine({ modelPath: model("tiny-yolo.onnx"), key: "tiny-encoded@1" });
    const png = makeChestPng(40);
    const damaged = png.slice(0, 50);
    const d = decodeRaster(png);
    const fromGrey = await engine.detect({ width: d.columns, height: d.rows, data: Uint8Array.from(d.pixels) });
    const [fromFile, broken] = await Promise.allSettled([
      engine.detect({ kind: "raster", bytes: png }),
      engine.detect({ kind: "raster", bytes: damaged }),
    ]);
    expect(png.length).toBe(0); // moved to the worker
    if (fromFile.status !== "fulfilled") throw fromFile.reason;
    expect(fromFile.value.detections).toEqual(fromGrey.detections);
    expect(fromFile.value).toMatchObject({ width: 40, height: 40 });
    expect(fromFile.value.timings.decodeMs).toBeGreaterThan(0);
    expect(broken).toMatchObject({ status: "rejected", reason: { code: "unprocessable" } });
    await engine.close();
  });

  it("counts files being decoded against maxQueueSize, so overload is refused before any decoding piles up", async () => {
    const engine = await createEngine({ modelPath: model("tiny-yolo.onnx"), key: "tiny-encoded-bound@1", maxQueueSize: 2 });
    try {
      const settled = await Promise.allSettled(Array.from({ length: 8 }, () => engine.detect({ kind: "raster", bytes: makeChestPng(32) })));
      const refused = rejections(settled);
      expect(refused.length).toBeGreaterThan(0);
      for (const e of refused) expect(e).toMatchObject({ code: "unavailable", details: { retryAfterSeconds: 1 } });
      expect(settled.filter((x) => x.status === "fulfilled").length).toBeGreaterThanOrEqual(2);
    } finally {
      await engine.close();
    }
  });

  it("refuses requests beyond maxQueueSize with unavailable and a retry hint", async () => {
    const errorsBefore = tiny.stats().errors;
    const refused = rejections(await Promise.allSettled(images(12).map((img) => tiny.detect(img))));
    expect(refused).toHaveLength(2); // 4 running, 6 waiting, the last two refused
    expect(refused[0]).toBeInstanceOf(AppError);
    expect(refused[0]).toMatchObject({
      code: "unavailable",
      message: "Inference queue is full; retry shortly.",
      details: { retryAfterSeconds: 1 },
    });
    expect(tiny.stats().errors).toBe(errorsBefore + 2);
  });

  it("rejects an invalid image alone, without failing its neighbours", async () => {
    const bad = { width: 4, height: 4, data: new Uint8Array(3) };
    const [a, b] = await Promise.allSettled([tiny.detect(bad), tiny.detect(image(1))]);
    expect(a).toMatchObject({ status: "rejected", reason: { code: "bad_request" } });
    expect(b.status).toBe("fulfilled");
  });

  it("records stage latencies, batch sizes, queue depth and errors in the registry", async () => {
    const text = await metricsRegistry().metrics(); // after the tests above: 31 served, 2 refused, 1 bad image
    for (const stage of ["queue", "preprocess", "inference", "postprocess", "total"]) {
      expect(text).toContain(`cxr_inference_seconds_count{model="tiny-test",version="v1",stage="${stage}"} 31`);
    }
    expect(text).toContain('cxr_inference_batch_size_sum{model="tiny-test",version="v1"} 31');
    expect(text).toContain('cxr_inference_batch_size_bucket{le="1",model="tiny-test",version="v1"} 11');
    expect(text).toContain('cxr_inference_queue_depth{model="tiny-test",version="v1"} 0');
    expect(text).toContain('cxr_inference_errors_total{model="tiny-test",version="v1",code="unavailable"} 2');
    expect(text).toContain('cxr_inference_errors_total{model="tiny-test",version="v1",code="bad_request"} 1');
  });

  it("decodes each request with its own options inside a shared batch", async () => {
    const [all, strict, massOnly] = await Promise.all([
      e2e.detect(image(0)),
      e2e.detect(image(0), { confidence: 0.65 }),
      e2e.detect(image(0), { classes: [0] }),
    ]);
    expect(all!.batchSize).toBe(3);
    expect(e2e.metadata.head).toBe("end2end");
    expect(all!.detections.map((d) => d.className)).toEqual(["Mass", "Nodule", "Mass", "Nodule"]);
    expect(strict!.detections.map((d) => d.className)).toEqual(["Mass", "Nodule"]);
    expect(massOnly!.detections.map((d) => d.className)).toEqual(["Mass", "Mass"]);
    const shared = image(0); // the same buffer twice in one batch moves once
    const twice = await Promise.all([e2e.detect(shared), e2e.detect(shared)]);
    expect(twice[1]!.detections).toEqual(all!.detections);
  });

  it("serves the float16 variant with the float32 model's detections", async () => {
    const got = await Promise.all([half.detect(image(1)), half.detect(image(2))]);
    expect(half.metadata.inputType).toBe("float16");
    expect(got.map((r) => r.batchSize)).toEqual([2, 2]);
    const want = await Promise.all([tiny.detect(image(1)), tiny.detect(image(2))]);
    got.forEach((r, k) => {
      expect(r.detections.map((d) => d.className)).toEqual(want[k]!.detections.map((d) => d.className));
      r.detections.forEach((d, i) => expect(d.confidence).toBeCloseTo(want[k]!.detections[i]!.confidence, 2));
    });
  });

  it("runs a fixed batch-1 model one image per run", async () => {
    expect(fixed.metadata.batch).toBe(1);
    const got = await Promise.all(images(5).map((img) => fixed.detect(img)));
    expect(got.map((r) => r.batchSize)).toEqual([1, 1, 1, 1, 1]);
    const want = await Promise.all(images(5).map((img) => tiny.detect(img)));
    expect(got.map((r) => r.detections)).toEqual(want.map((r) => r.detections));
  });

  it("fails clearly, at creation, on a broken, missing or non-detector model", async () => {
    const broken = new Uint8Array(readFileSync(model("tiny-yolo.onnx"))).subarray(0, 600);
    await expect(createEngine({ modelBytes: broken, key: "broken" })).rejects.toBeInstanceOf(AppError);
    await expect(createEngine({ modelBytes: new TextEncoder().encode("not onnx"), key: "text" })).rejects.toThrow(
      /Not a readable ONNX model/,
    );
    await expect(createEngine({ modelPath: model("missing.onnx"), key: "missing" })).rejects.toMatchObject({ code: "unavailable" });
    await expect(createEngine({ modelPath: model("tiny-yolo.onnx"), key: "bad-settings", maxQueueSize: 0 })).rejects.toMatchObject({
      code: "bad_request",
    });
    const classifier = new Uint8Array(readFileSync(model("tiny-yolo.onnx")));
    classifier.set(new TextEncoder().encode("classi"), Buffer.from(classifier).indexOf("detect")); // same length
    await expect(createEngine({ modelBytes: classifier, key: "classify" })).rejects.toMatchObject({
      code: "unsupported",
      message: /task 'classi'/,
    });
  });
});

describe("getEngine", () => {
  it("shares one engine per key, forgets failures, and closes by key", async () => {
    const a = getEngine("cached@1", { modelPath: model("tiny-yolo.onnx") });
    expect(getEngine("cached@1", { modelPath: model("other.onnx") })).toBe(a);
    const e = await a;
    await expect(getEngine("nope", { modelPath: model("missing.onnx") })).rejects.toBeInstanceOf(AppError);
    await expect(getEngine("nope", { modelPath: model("missing.onnx") })).rejects.toBeInstanceOf(AppError);
    await closeEngine("cached@1");
    await expect(e.detect(image(0))).rejects.toMatchObject({ code: "unavailable" });
    const again = getEngine("cached@1", { modelPath: model("missing.onnx") });
    expect(again).not.toBe(a);
    await again.catch(() => undefined);
  });
});
