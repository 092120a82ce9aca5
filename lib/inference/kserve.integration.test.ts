import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "./engine";
import type { GreyImage } from "./preprocess";
import { openKserveSession, probeKserve } from "./kserve-session";
import { freePort } from "@/test/faults/support/free-port";
import { startV2TestServer, type V2TestServer } from "./testing/v2-test-server";

// The KServe v2 backend end to end. Triton cannot run on this machine (no Docker, no binaries), so the remote side is
// testing/v2-test-server.ts: a small server that speaks the v2 REST protocol (JSON tensors and Triton's binary
// extension) and runs the real ONNX model with onnxruntime-node. The app side is the production code path.
const tiny = new Uint8Array(readFileSync(path.join(__dirname, "testing", "tiny-yolo.onnx")));
const image = (i: number): GreyImage => ({
  width: 16 + 8 * (i % 3),
  height: 16,
  data: new Uint8Array((16 + 8 * (i % 3)) * 16).fill((i * 53) % 256),
});

let server: V2TestServer;
let local: Engine;
beforeAll(async () => {
  server = await startV2TestServer({ "tiny-yolo": tiny });
  local = await createEngine({ modelBytes: tiny, key: "kserve-test-local" });
}, 30_000);
afterAll(async () => {
  await local?.close();
  await server?.close();
});

describe("INFERENCE_BACKEND=kserve", () => {
  it.each([false, true])("runs the graph remotely (binary %s) and finds exactly the local boxes", async (binary) => {
    const before = { ...server.calls };
    const remote = await createEngine({
      modelBytes: tiny,
      key: `kserve-test-${binary}`,
      kserve: { url: server.url, model: "tiny-yolo", binary },
      maxQueueDelayMs: 20,
    });
    try {
      expect(remote.providerUsed).toBe("kserve");
      expect(remote.metadata).toEqual(local.metadata); // class names from the registered bytes, shapes from the server
      const got = await Promise.all([0, 1, 2, 3, 4].map((i) => remote.detect(image(i), { confidence: 0.3 })));
      const want: Awaited<ReturnType<Engine["detect"]>>[] = [];
      for (const i of [0, 1, 2, 3, 4]) want.push(await local.detect(image(i), { confidence: 0.3 }));
      expect(want.some((r) => r.detections.length > 0)).toBe(true);
      got.forEach((r, i) => {
        expect(r.detections.map((d) => d.className)).toEqual(want[i]!.detections.map((d) => d.className));
        r.detections.forEach((d, k) => {
          expect(d.confidence).toBeCloseTo(want[i]!.detections[k]!.confidence, 5);
          d.box.forEach((v, c) => expect(v).toBeCloseTo(want[i]!.detections[k]!.box[c]!, 4));
        });
      });
      expect(Math.max(...got.map((r) => r.batchSize))).toBeGreaterThan(1); // batches travel as one v2 request
      const key = binary ? "binary" : "json";
      expect(server.calls[key]).toBeGreaterThan(before[key]);
      expect(server.calls[key] - before[key]).toBeLessThan(5);
    } finally {
      await remote.close();
    }
  });

  it("readiness probe: ready model passes; a closed port is unavailable (transient), an unknown model is refused", async () => {
    await expect(probeKserve({ url: server.url, model: "tiny-yolo" })).resolves.toBeUndefined();
    await expect(probeKserve({ url: "http://127.0.0.1:9", model: "tiny-yolo", timeoutMs: 1000 })).rejects.toMatchObject({
      code: "unavailable",
    });
    await expect(probeKserve({ url: server.url, model: "nope" })).rejects.toMatchObject({ code: "unprocessable" });
  });

  it("an inference answered 404 (a restarting server that has not loaded the model yet) is transient", async () => {
    const port = await freePort();
    let restarting = await startV2TestServer({ "tiny-yolo": tiny }, { port });
    const session = await openKserveSession({ url: restarting.url, model: "tiny-yolo" });
    await restarting.close();
    restarting = await startV2TestServer({}, { port }); // up, its models not loaded
    try {
      const images = { type: "float32", data: new Float32Array(3 * 32 * 32), dims: [1, 3, 32, 32] };
      await expect(session.run({ images })).rejects.toMatchObject({ code: "unavailable", message: expect.stringMatching(/answered 404/) });
    } finally {
      await restarting.close();
    }
  });

  it("an unknown model (not loaded, or misnamed) and an unreachable server are unavailable (retried), with the server's reason", async () => {
    await expect(
      createEngine({ modelBytes: tiny, key: "kserve-missing", kserve: { url: server.url, model: "nope" } }),
    ).rejects.toMatchObject({
      code: "unavailable",
      message: expect.stringMatching(/404.*unknown model/),
    });
    await expect(
      createEngine({ modelBytes: tiny, key: "kserve-down", kserve: { url: "http://127.0.0.1:9", model: "tiny-yolo", timeoutMs: 2000 } }),
    ).rejects.toMatchObject({
      code: "unavailable",
    });
  });
});
