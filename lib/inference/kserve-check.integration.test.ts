import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertKserveModel, checkKserveModel } from "./kserve-check";
import { env } from "@/lib/env";
import { freePort } from "@/test/faults/support/free-port";
import { pytritonAvailable, startPyTriton, type PyTriton } from "./testing/pytriton";
import { startV2TestServer, type V2TestServer } from "./testing/v2-test-server";

// The check against a v2 server that runs the real ONNX files (testing/v2-test-server.ts; see kserve.integration.test.ts
// for why it is not Triton), in the misconfigurations a site hits: wrong file under the name, no binary extension,
// model absent, server down.
const file = (f: string) => new Uint8Array(readFileSync(path.join(__dirname, "testing", f)));
const tiny = file("tiny-yolo.onnx");
const e2e = file("tiny-yolo-e2e.onnx");
const fp16 = file("tiny-yolo-fp16.onnx");

let server: V2TestServer;
let jsonOnly: V2TestServer;
beforeAll(async () => {
  server = await startV2TestServer({ "tiny-yolo": tiny, "other-model": e2e });
  jsonOnly = await startV2TestServer({ "tiny-yolo": tiny }, { binary: false });
}, 30_000);
afterAll(async () => {
  await server?.close();
  await jsonOnly?.close();
});

describe("checkKserveModel", () => {
  it.each([false, true])("passes when the server serves the registered model (binary %s) and runs one inference", async (binary) => {
    const before = server.calls[binary ? "binary" : "json"];
    const r = await checkKserveModel(tiny, { url: server.url, model: "tiny-yolo", binary }, { maxBatch: 8 });
    expect(r).toEqual({ ok: true, detail: `'tiny-yolo' served with the registered inputs/outputs, ${binary ? "binary" : "JSON"} tensors` });
    expect(server.calls[binary ? "binary" : "json"]).toBe(before + 1);
  });

  it("fails when another model is served under the name, with the differing tensor", async () => {
    const r = await checkKserveModel(tiny, { url: server.url, model: "other-model" });
    expect(r.ok).toBe(false);
    expect(r.detail).toMatch(
      /'other-model' on the server is not the registered model: output 'output0' has shape \[-1, 8, 6\], the model file says \[batch, 6, 8\]/,
    );
    const types = await checkKserveModel(fp16, { url: server.url, model: "tiny-yolo" });
    expect(types.detail).toMatch(/input 'images' is FP32, the model file says FP16/);
  });

  it("fails when the server lacks the binary tensor extension the app is configured for", async () => {
    const r = await checkKserveModel(tiny, { url: jsonOnly.url, model: "tiny-yolo", binary: true });
    expect(r.ok).toBe(false);
    expect(r.detail).toMatch(
      /the server refused binary tensors \(INFERENCE_KSERVE_BINARY=true\).*binary tensor extension is not supported/,
    );
    expect((await checkKserveModel(tiny, { url: jsonOnly.url, model: "tiny-yolo", binary: false })).ok).toBe(true);
    // Without the probe (a frequently polled readiness check) only the metadata is compared: no inference is sent.
    const calls = { ...jsonOnly.calls };
    expect(await checkKserveModel(tiny, { url: jsonOnly.url, model: "tiny-yolo", binary: true }, { probe: false })).toEqual({
      ok: true,
      detail: "'tiny-yolo' ready with the registered inputs/outputs",
    });
    expect(jsonOnly.calls).toEqual(calls);
  });

  it("fails for an absent model and an unreachable server; assert throws unavailable", async () => {
    expect(await checkKserveModel(tiny, { url: server.url, model: "nope" })).toEqual({
      ok: false,
      detail: `model 'nope' is not ready on ${server.url} (HTTP 404)`,
    });
    const closed = `http://127.0.0.1:${await freePort()}`; // nothing listens there
    const down = await checkKserveModel(tiny, { url: closed, model: "tiny-yolo" });
    expect(down).toEqual({ ok: false, detail: `inference server unreachable at ${closed} (ECONNREFUSED)` });
    await expect(assertKserveModel(tiny, { url: closed, model: "tiny-yolo" })).rejects.toMatchObject({
      code: "unavailable",
      message: expect.stringMatching(/^KServe model check failed: inference server unreachable/),
    });
  });
});

// The same check against a real Triton (tritonserver from PyPI's nvidia-pytriton, Python backend running the ONNX with
// onnxruntime): Triton's own metadata, /config (max_batch_size) and binary tensor extension.
describe.skipIf(!pytritonAvailable && !env.CI)("checkKserveModel against Triton (PyTriton)", () => {
  let triton: PyTriton;
  beforeAll(async () => {
    triton = await startPyTriton(path.join(__dirname, "testing", "tiny-yolo.onnx"), "tiny-yolo", 4);
  }, 120_000);
  afterAll(async () => triton?.close());

  it("passes with binary and JSON tensors for batches up to Triton's max_batch_size", async () => {
    expect(await checkKserveModel(tiny, { url: triton.url, model: "tiny-yolo", binary: true }, { maxBatch: 4 })).toMatchObject({
      ok: true,
    });
    expect(await checkKserveModel(tiny, { url: triton.url, model: "tiny-yolo", binary: false }, { maxBatch: 4 })).toMatchObject({
      ok: true,
    });
  });

  it("fails when the app batches more than Triton accepts, or Triton serves another model under the name", async () => {
    expect(await checkKserveModel(tiny, { url: triton.url, model: "tiny-yolo", binary: true }, { maxBatch: 8 })).toEqual({
      ok: false,
      detail: "'tiny-yolo' has max_batch_size 4 but the app sends batches of up to 8 (INFERENCE_MAX_BATCH)",
    });
    expect((await checkKserveModel(e2e, { url: triton.url, model: "tiny-yolo" })).detail).toMatch(
      /output 'output0' has shape \[-1, 6, 8\], the model file says \[batch, 8, 6\]/,
    );
  });
});
if (!pytritonAvailable && !env.CI) console.warn("SKIPPED: the KServe check against Triton (run scripts/ensure-pytriton.sh)");
