import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { MODEL_EVALUATE } from "@/lib/evaluation/evaluation-job";
import { TRAINING_PYTHON } from "@/lib/evaluation/testing/cross-check";
import { EXPORT_BUILD } from "@/lib/exports/export-job";
import { createExport } from "@/lib/exports/manage-exports";
import { makeReviewedStudies, removeExports, removeReviewedStudies } from "@/lib/exports/testing/reviewed-studies";
import { runNextJob } from "@/lib/jobs/testing/run-queued-jobs";
import { MODEL_OPTIMIZE, requestOptimization } from "@/lib/models/optimize-job";
import { registerModel } from "@/lib/models/register-model";
import { detectWithVersion } from "@/lib/models/version-detector";
import { createExportBodySchema } from "@/lib/schemas/export";
import { getStorage } from "@/lib/storage/get-storage";
import { trainingWorkerStatus } from "@/lib/training/worker-install";
import { makeUser } from "@/test/factories";

const worker = trainingWorkerStatus();
if (!worker.installed) console.warn(`${worker.reason}: skipping the INT8 optimization tests`);

type Comparison = { float: { map50: number; latency_p50_ms: number }; int8: { map50: number; latency_p50_ms: number }; map50_delta: number };

// The real demo model (YOLO11n, 512 px) quantized by the real worker, calibrated on an export made by the app.
describe.skipIf(!worker.installed)("INT8 optimization of a registered version", () => {
  let actor: { id: string; email: string };
  let fixture: Awaited<ReturnType<typeof makeReviewedStudies>>;
  let exportId: string;
  let floatId: string;
  const started = new Date();

  beforeAll(async () => {
    const admin = await makeUser("admin");
    actor = { id: admin.id, email: admin.email };
    const reader = await makeUser("radiologist");
    fixture = await makeReviewedStudies(12, { readerId: reader.id, patients: 12, size: 64, labels: (i) => [{ className: "Nodule/Mass", box: [12 + (i % 4) * 4, 18, 30 + (i % 4) * 4, 36] }] });
    exportId = (await createExport(actor, createExportBodySchema.parse({ format: "yolo", filters: { readerId: reader.id, includeHeldOut: true }, valFraction: 0.25, seed: 1 }))).id;
    await runNextJob(EXPORT_BUILD);
    const card = JSON.parse(fs.readFileSync("models/demo-nodule-mass/model-card.json", "utf8")) as Record<string, unknown>;
    // The demo graph under a doc string of its own: other files register the demo file itself (the sha256 is unique)
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cxr-int8-test-")), "model.onnx");
    execFileSync(TRAINING_PYTHON, ["-c", "import onnx,sys; m=onnx.load(sys.argv[1]); m.doc_string='int8-test copy'; onnx.save(m, sys.argv[2])", "models/demo-nodule-mass/model.onnx", copy]);
    const bytes = new Uint8Array(fs.readFileSync(copy));
    fs.rmSync(path.dirname(copy), { recursive: true, force: true });
    floatId = (await registerModel(SYSTEM_ACTOR, bytes, { ...card, name: "int8-test", version: "1.0.0" })).id;
  }, 120_000);

  afterAll(async () => {
    const storage = await getStorage();
    const versions = await db.modelVersion.findMany({ where: { name: "int8-test" } });
    for (const v of versions) await storage.delete(v.storageKey);
    await db.modelVersion.deleteMany({ where: { name: "int8-test" } });
    await db.job.deleteMany({ where: { type: { in: [MODEL_OPTIMIZE, MODEL_EVALUATE] }, createdAt: { gte: started } } });
    await removeExports([exportId]);
    await removeReviewedStudies(fixture);
  });

  it("refuses a version without a recorded export, an unknown export or version, and queues nothing", async () => {
    await expect(requestOptimization(actor, floatId, {})).rejects.toMatchObject({ code: "unprocessable", message: expect.stringContaining("records no export") });
    await expect(requestOptimization(actor, floatId, { exportId: "nope" })).rejects.toMatchObject({ code: "unprocessable", message: "Unknown export 'nope'." });
    await expect(requestOptimization(actor, "nope", { exportId })).rejects.toMatchObject({ code: "not_found" });
    expect(await db.job.count({ where: { type: MODEL_OPTIMIZE, createdAt: { gte: started } } })).toBe(0);
  });

  it(
    "registers a QDQ INT8 sibling with the float/INT8 comparison, queues its evaluation, and serves it through the engine",
    async () => {
      const { jobId } = await requestOptimization(actor, floatId, { exportId });
      const t0 = Date.now();
      await runNextJob(MODEL_OPTIMIZE);
      const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
      expect(job.error).toBeNull();
      expect(job.state).toBe("succeeded");
      const { modelVersionId } = job.result as { modelVersionId: string };
      const float = await db.modelVersion.findUniqueOrThrow({ where: { id: floatId } });
      const int8 = await db.modelVersion.findUniqueOrThrow({ where: { id: modelVersionId }, include: { evaluations: true } });
      expect(int8).toMatchObject({ name: "int8-test", version: "1.0.0-int8", stage: "registered", inputSize: 512, classes: ["Nodule/Mass"] });
      expect(int8.sha256).not.toBe(float.sha256);
      const opt = (int8.modelCard as { optimization: { base: { sha256: string; version: string }; calibration: { images: number; split: string }; comparison: Comparison } }).optimization;
      expect(opt.base).toMatchObject({ sha256: float.sha256, version: "1.0.0" });
      expect(opt.calibration).toEqual({ images: 9, split: "train" }); // the export's 9 training images
      console.log(`optimize: ${((Date.now() - t0) / 1000).toFixed(1)} s; comparison on the export's val split: ${JSON.stringify(opt.comparison)}`);
      for (const k of ["float", "int8"] as const) expect(opt.comparison[k].latency_p50_ms).toBeGreaterThan(0);
      expect(opt.comparison.map50_delta).toBeCloseTo(opt.comparison.int8.map50 - opt.comparison.float.map50, 3);
      // every registration queues the registry evaluation
      expect(int8.evaluations.map((e) => e.status)).toEqual(["queued"]);
      expect(await db.auditEvent.count({ where: { action: "model.optimize_requested", targetId: floatId } })).toBe(1);
      expect(await db.auditEvent.count({ where: { action: "model.registered", targetId: int8.id } })).toBe(1);
      // onnxruntime-node serves the QDQ graph like the float one
      const r = await detectWithVersion(int8, { width: 64, height: 64, data: new Uint8Array(64 * 64).fill(90) });
      expect(r.timings.inferenceMs).toBeGreaterThan(0);
      await expect(requestOptimization(actor, int8.id, { exportId })).rejects.toMatchObject({ code: "unprocessable", message: expect.stringContaining("already an optimized version") });
    },
    240_000,
  );
});
