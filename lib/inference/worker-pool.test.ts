import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { makeChestPng } from "@/test/fixtures/synthetic-study";
import { createWorkerPool } from "./worker-pool";

const bytes = () => new Uint8Array(readFileSync(path.join(__dirname, "testing", "tiny-yolo.onnx")));
const grey = (value: number, width = 16) => ({ width, height: 16, data: new Uint8Array(width * 16).fill(value) });

describe("createWorkerPool", () => {
  it("letterboxes, runs and decodes on worker threads, moving image buffers rather than copying them", async () => {
    const pool = await createWorkerPool({ bytes: bytes(), key: "pool-test", workers: 2, intraOpThreads: 1 });
    expect(pool.providerUsed).toBe("cpu");
    expect(pool.metadata).toMatchObject({ names: ["Mass", "Nodule"], batch: "dynamic", inputWidth: 32 });
    const whole = grey(0);
    const view = new Uint8Array(1000).subarray(8, 8 + 24 * 16); // a view into a larger buffer is copied instead
    const pending = pool.run([whole, { width: 24, height: 16, data: view }], [{}, { confidence: 0.65 }]);
    expect(whole.data.length).toBe(0); // detached: transferred to the worker
    expect(view.length).toBe(24 * 16);
    const out = await pending;
    expect(out.items.map((o) => ("detections" in o ? o.detections.map((d) => d.className) : o.error))).toEqual([
      ["Mass", "Nodule", "Mass", "Nodule"],
      ["Mass", "Nodule"],
    ]);
    expect(out.inferenceMs).toBeGreaterThan(0);
    const both = await Promise.all([pool.run([grey(255)], [{}]), pool.run([grey(0)], [{}])]); // one per worker
    expect(both.map((r) => ("detections" in r.items[0]! ? r.items[0].detections.length : -1))).toEqual([5, 4]); // white lifts one score
    await expect(pool.run([{ width: 4, height: 4, data: new Uint8Array(3) }], [{}])).rejects.toMatchObject({ code: "bad_request" });
    await pool.close();
    await expect(pool.run([grey(0)], [{}])).rejects.toMatchObject({ code: "unavailable" });
  });

  it("decodes encoded files in the worker, moving their bytes; a file that cannot be decoded fails alone", async () => {
    const pool = await createWorkerPool({ bytes: bytes(), key: "pool-encoded", intraOpThreads: 1 });
    const png = makeChestPng(40);
    const broken = makeChestPng(40).subarray(0, 60).slice();
    const pending = pool.run([{ kind: "raster", bytes: png }, { kind: "raster", bytes: broken }, grey(0)], [{}, {}, {}]);
    expect(png.length).toBe(0); // transferred
    const out = await pending;
    expect(out.items[0]).toMatchObject({ width: 40, height: 40 });
    expect("detections" in out.items[0]! && out.items[0].detections.length).toBeGreaterThan(0);
    expect(out.items[1]).toMatchObject({ error: { code: "unprocessable" } });
    expect(out.items[2]).toMatchObject({ width: 16, height: 16 });
    expect(out.decodeMs).toBeGreaterThan(0);
    await pool.close();
  });

  it("refuses a missing worker file or no workers (a model that fails to load: engine.test.ts)", async () => {
    await expect(createWorkerPool({ bytes: bytes(), key: "x", workerFile: "/nonexistent/worker.mjs" })).rejects.toBeInstanceOf(AppError);
    await expect(createWorkerPool({ bytes: bytes(), key: "x", workers: 0 })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("rejects pending runs with unavailable when a worker dies", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "pool-")), "dying-worker.mjs");
    const ready = `{ kind: "ready", providerUsed: "cpu", metadata: {} }`;
    writeFileSync(
      file,
      `import { parentPort } from "node:worker_threads";\nparentPort.postMessage(${ready});\nparentPort.on("message", () => process.exit(3));\n`,
    );
    const pool = await createWorkerPool({ bytes: bytes(), key: "dying", workerFile: file });
    await expect(pool.run([grey(0)], [{}])).rejects.toMatchObject({ code: "unavailable", message: /exit code 3/ });
    await expect(pool.run([grey(0)], [{}])).rejects.toThrow(/No inference worker is running/);
    await pool.close();
  });
});
