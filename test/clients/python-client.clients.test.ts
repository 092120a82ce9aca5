// The Python client (clients/python) against the real production server: its pytest suite (predict, upload, register a
// model) and the training worker's `register`, which uploads through it. Needs `next build`, clients/python/.venv
// (scripts/setup-python-client.sh) and training/.venv (training/scripts/setup-venv.sh); npm test makes all three.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAULT_ADMIN, startProdServer, type ProdServer } from "@/test/faults/support/prod-server";
import { signIn } from "@/test/faults/support/session";
import { makeChestPng, makeStudyDicom } from "@/test/fixtures/synthetic-study";

let server: ProdServer;
let env: NodeJS.ProcessEnv;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxr-py-client-"));

beforeAll(async () => {
  server = await startProdServer();
  const png = path.join(dir, "chest.png");
  const dicom = path.join(dir, "chest.dcm");
  fs.writeFileSync(png, makeChestPng(256));
  fs.writeFileSync(dicom, makeStudyDicom({ size: 256 }).bytes);
  const token = server.token(["predict", "studies:write", "models:write", "read"]);
  env = { ...process.env, CXR_APP_URL: server.url, CXR_API_TOKEN: token, CXR_TEST_PNG: png, CXR_TEST_DICOM: dicom };
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("Python client against the production server", () => {
  it("passes its pytest suite: predict, upload, register a model, the app's errors", () => {
    const run = spawnSync("clients/python/.venv/bin/python", ["-m", "pytest", "clients/python/tests", "-q", "-p", "no:cacheprovider"], {
      env,
      encoding: "utf8",
    });
    console.log(run.stdout.split("\n").filter(Boolean).slice(-3).join("\n")); // the case count
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\b5 passed\b/);
  });

  it("the training worker's register uploads a model through it", async () => {
    const modelDir = path.join(dir, "trained");
    fs.mkdirSync(modelDir);
    fs.copyFileSync("lib/inference/testing/tiny-yolo-e2e.onnx", path.join(modelDir, "model.onnx"));
    fs.writeFileSync(
      path.join(modelDir, "model-card.json"),
      JSON.stringify({ name: "trained-by-worker", version: "1.0.0", data: "synthetic" }),
    );
    const run = spawnSync("training/.venv/bin/python", ["-m", "cxr_train", "register", modelDir], { env, encoding: "utf8" });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const admin = await signIn(server.url, FAULT_ADMIN.email, FAULT_ADMIN.password); // the registry is read with a session
    const models = (await (await admin.fetch("/api/v1/models")).json()) as { models: { name: string; version: string; stage: string }[] };
    expect(models.models).toContainEqual(expect.objectContaining({ name: "trained-by-worker", version: "1.0.0", stage: "registered" }));
  });
});
