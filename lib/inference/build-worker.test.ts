import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildInferenceWorker } from "./build-worker";
import { createWorkerPool } from "./worker-pool";

// The compiled worker is written inside the repository (as `npm run build` writes .next/cxr/), so that the packages it
// imports by name resolve through ./node_modules as they do in production.
const cache = path.resolve("node_modules", ".cache");
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(path.join(cache, "cxr-worker-build-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("buildInferenceWorker", () => {
  it("compiles the worker to one ESM file with no TypeScript loader, which runs an inference", async () => {
    const { outfile, inputs } = await buildInferenceWorker(path.join(dir, "inference-worker.mjs"));
    expect(inputs).toContain("lib/inference/inference-worker.ts");
    expect(inputs).toContain("lib/errors.ts"); // the "@/…" alias resolved and bundled
    const source = readFileSync(outfile, "utf8");
    expect(source).not.toMatch(/from "tsx|from "@\//); // packages stay imports, our sources are inlined
    expect(source).toMatch(/from "onnxruntime-node"/);

    const model = new Uint8Array(readFileSync(path.join(__dirname, "testing", "tiny-yolo.onnx")));
    const pool = await createWorkerPool({ bytes: model, key: "compiled-worker-test", intraOpThreads: 1, workerFile: outfile });
    try {
      expect(pool.metadata).toMatchObject({ names: ["Mass", "Nodule"], inputWidth: 32 });
      const grey = { width: 16, height: 16, data: new Uint8Array(256).fill(255) };
      const out = await pool.run([grey], [{}]);
      expect("detections" in out.items[0]! && out.items[0].detections.length).toBe(5); // as the tsx worker (worker-pool.test.ts)
      await expect(pool.run([{ width: 4, height: 4, data: new Uint8Array(3) }], [{}])).rejects.toMatchObject({ code: "bad_request" });
    } finally {
      await pool.close();
    }
  });
});
