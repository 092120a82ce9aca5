import { execFile } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { writeTritonRepo } from "@/lib/inference/triton-repo";
import { parseTritonConfig, tritonParserAvailable } from "@/lib/inference/testing/triton-config-parser";
import { buildTritonRepo } from "@/lib/models/build-triton-repo";
import { downloadTritonRepo } from "@/lib/models/download-triton-repo";
import { registerModel } from "@/lib/models/register-model";
import { setStage } from "@/lib/models/set-stage";
import { tritonRepoOptionsSchema } from "@/lib/schemas/triton-repo";
import { getStorage } from "@/lib/storage/get-storage";
import { taggedModel } from "@/test/fixtures/models";

const run = promisify(execFile);
// Tagged copies: the registry refuses the same file twice, and other test files register these models too.
const read = (f: string) => taggedModel(`lib/inference/testing/${f}`, `triton-repo ${randomUUID()}`);
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "triton-repo-it-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// One dynamic-batch and one fixed-batch model, registered through the registry as an admin would.
const dynamic = await registerModel(SYSTEM_ACTOR, read("tiny-yolo.onnx"), { name: "triton-dyn", version: "1.0.0" });
const fixed = await registerModel(SYSTEM_ACTOR, read("tiny-yolo-b1.onnx"), { name: "triton-b1", version: "2.0.0" });
const defaults = tritonRepoOptionsSchema.parse({});

describe("Triton model repository from the registry", () => {
  it("writes <name>/config.pbtxt and <name>/1/model.onnx whose bytes match the registry's sha256", async () => {
    const repo = await buildTritonRepo({ versionIds: [dynamic.id, fixed.id] }, defaults);
    const dir = path.join(tmp, "repo");
    await writeTritonRepo(dir, repo.files);
    for (const v of [dynamic, fixed]) {
      expect(sha(new Uint8Array(fs.readFileSync(path.join(dir, v.name, "1", "model.onnx"))))).toBe(v.sha256);
      expect(fs.existsSync(path.join(dir, v.name, "config.pbtxt"))).toBe(true);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(["triton-b1", "triton-dyn"]); // INFERENCE_KSERVE_MODEL's default {name}
    const [dyn, b1] = repo.configs;
    expect(dyn).toMatchObject({ name: "triton-dyn", maxBatchSize: env.INFERENCE_MAX_BATCH, input: [{ name: "images", dataType: "TYPE_FP32", dims: [3, 32, 32] }] });
    expect(b1).toMatchObject({ name: "triton-b1", maxBatchSize: 0, input: [{ name: "images", dims: [1, 3, 32, 32] }], output: [{ name: "output0", dims: [1, 6, 8] }] });
    if (tritonParserAvailable || env.CI) {
      expect(parseTritonConfig(fs.readFileSync(path.join(dir, "triton-dyn", "config.pbtxt"), "utf8"))).toEqual(dyn);
      expect(parseTritonConfig(fs.readFileSync(path.join(dir, "triton-b1", "config.pbtxt"), "utf8"))).toEqual(b1);
    }
  });

  it("selects by stage; names follow the template; two versions on one name are refused with the fix", async () => {
    await setStage(SYSTEM_ACTOR, dynamic.id, "staging");
    const staged = await buildTritonRepo({ stage: "staging" }, { ...defaults, nameTemplate: "{name}-{version}" });
    expect(staged.versions.map((v) => v.tritonName)).toContain("triton-dyn-1.0.0");
    const other = await registerModel(SYSTEM_ACTOR, read("tiny-yolo-e2e.onnx"), { name: "triton-dyn", version: "1.1.0" });
    await expect(buildTritonRepo({ versionIds: [dynamic.id, other.id] }, defaults)).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/put \{version\} or \{sha256\} in INFERENCE_KSERVE_MODEL/) });
    await expect(buildTritonRepo({ versionIds: ["nope"] }, defaults)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses a stored file that no longer matches the registry", async () => {
    const storage = await getStorage();
    const original = await storage.get(fixed.storageKey);
    await storage.put(fixed.storageKey, read("tiny-yolo.onnx"), "application/octet-stream");
    try {
      await expect(buildTritonRepo({ versionIds: [fixed.id] }, defaults)).rejects.toMatchObject({ code: "unprocessable", message: expect.stringMatching(/does not match the registry/) });
    } finally {
      await storage.put(fixed.storageKey, original, "application/octet-stream");
    }
  });

  it("the admin download is a zip of the same repository, for GPU hosts with TensorRT, and is audited", async () => {
    const options = tritonRepoOptionsSchema.parse({ kind: "gpu", tensorrt: "true", instances: "2" });
    const { zip, fileName } = await downloadTritonRepo({ id: null, email: "admin@test" }, dynamic.id, options);
    expect(fileName).toBe("triton-triton-dyn.zip");
    const entries = unzipSync(zip);
    expect(Object.keys(entries).sort()).toEqual(["triton-dyn/1/model.onnx", "triton-dyn/config.pbtxt"]);
    expect(sha(entries["triton-dyn/1/model.onnx"]!)).toBe(dynamic.sha256);
    const text = new TextDecoder().decode(entries["triton-dyn/config.pbtxt"]);
    expect(text).toContain("kind: KIND_GPU");
    expect(text).toContain('name: "tensorrt"');
    const audit = await db.auditEvent.findFirst({ where: { action: "model.triton_repo_downloaded", targetId: dynamic.id } });
    expect(audit?.actorEmail).toBe("admin@test");
  });

  it("npm run triton:repo writes the repository; bad options exit 2 with the reason", async () => {
    const out = path.join(tmp, "cli");
    const cli = (args: string[]) => run("npx", ["tsx", "scripts/triton-repo.ts", ...args], { env: { ...process.env } });
    const ok = await cli(["--out", out, "--version", fixed.id, "--kind", "gpu", "--instances", "2"]);
    expect(ok.stdout).toMatch(/triton-b1\/ {2}← triton-b1 2\.0\.0 .*fixed batch \(max_batch_size 0\), KIND_GPU/);
    expect(sha(new Uint8Array(fs.readFileSync(path.join(out, "triton-b1", "1", "model.onnx"))))).toBe(fixed.sha256);
    await expect(cli(["--out", out, "--version", fixed.id, "--tensorrt"])).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/TensorRT accelerator needs kind=gpu/) });
    await expect(cli(["--out", out, "--stage", "bogus"])).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/--stage must be one of/) });
  }, 60_000);
});
