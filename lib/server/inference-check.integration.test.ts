import { readFileSync } from "node:fs";
import path from "node:path";
import { Agent, setGlobalDispatcher } from "undici";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freePort } from "@/test/faults/support/free-port";
import { startV2TestServer, type V2TestServer } from "@/lib/inference/testing/v2-test-server";

// The KServe/Triton check as the app wires it: the production model against the configured server, at start (a loud
// log) and in /api/ready (503 naming `inference`). The scale option's configuration is this test's environment, set
// before lib/env loads (hence the dynamic imports); the server is the v2 test server (JSON-only, as MLServer, then with Triton's binary extension).
// The server is replaced under the test on the same port: no pooled keep-alive socket to the closed one (as in test/faults).
setGlobalDispatcher(new Agent({ pipelining: 0 }));
const port = await freePort();
process.env.INFERENCE_BACKEND = "kserve";
process.env.INFERENCE_KSERVE_URL = `http://127.0.0.1:${port}`;
process.env.INFERENCE_KSERVE_BINARY = "true";
process.env.INFERENCE_MAX_BATCH = "4";
const { checkInferenceAtStart } = await import("./inference-check");
const { checkReadiness } = await import("@/lib/health/check-readiness");
const { registerBackendReadinessChecks } = await import("./readiness-checks");
const { db } = await import("@/lib/db");
const { TINY_MODEL, registerTinyModel } = await import("@/test/fixtures/models");

const tiny = new Uint8Array(readFileSync(path.resolve(TINY_MODEL)));
let server: V2TestServer | undefined;
beforeAll(async () => {
  await db.modelVersion.updateMany({ where: { stage: "production" }, data: { stage: "archived" } });
  await registerTinyModel(`inference-check-${Date.now()}`, "production", { bytes: tiny });
  registerBackendReadinessChecks();
});
afterAll(async () => server?.close());

describe("inference server check (INFERENCE_BACKEND=kserve)", () => {
  it("binary tensors against a server without them: an error log at start naming the fix, ready 503 naming inference", async () => {
    server = await startV2TestServer({ tiny }, { binary: false, port });
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const r = await checkInferenceAtStart();
    expect(r).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/the server refused binary tensors \(INFERENCE_KSERVE_BINARY=true\)/),
    });
    const line = errors.mock.calls.map((c) => String(c[0])).find((l) => l.includes("INFERENCE SERVER CHECK FAILED"));
    errors.mockRestore();
    expect(JSON.parse(line!)).toMatchObject({ level: "error", detail: r!.detail, fix: expect.stringContaining("INFERENCE_KSERVE_BINARY") });
    const ready = await checkReadiness(5000);
    expect(ready.ready).toBe(false);
    expect(ready.down).toContain("inference");
    expect(ready.checks.inference?.detail).toMatch(/refused binary tensors/);
    expect(server.calls.json).toBe(0);
  });

  it("a server with the binary extension passes; once probed, readiness asks only for metadata; down names it again", async () => {
    await server!.close();
    server = await startV2TestServer({ tiny }, { port });
    expect(await checkInferenceAtStart()).toEqual({ ok: true, detail: "'tiny' served with the registered inputs/outputs, binary tensors" });
    const ready = await checkReadiness(5000);
    expect(ready.checks.inference).toEqual({ ok: true, detail: "'tiny' ready with the registered inputs/outputs" });
    expect(server.calls.binary).toBe(1); // the start probe only
    await server.close();
    server = undefined;
    const down = await checkReadiness(5000);
    expect(down.down).toContain("inference");
    expect(down.checks.inference?.detail).toBe(`inference server unreachable at http://127.0.0.1:${port} (ECONNREFUSED)`);
  });
});
