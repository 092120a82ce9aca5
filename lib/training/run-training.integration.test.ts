import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { EXPORT_BUILD } from "@/lib/exports/export-job";
import { exportStorageKey } from "@/lib/exports/build-export";
import { createExport } from "@/lib/exports/manage-exports";
import { makeReviewedStudies, removeExports, removeReviewedStudies } from "@/lib/exports/testing/reviewed-studies";
import { runNextJob } from "@/lib/jobs/testing/run-queued-jobs";
import "@/lib/jobs/all-handlers";
import { createExportBodySchema } from "@/lib/schemas/export";
import { createTrainingRunBodySchema } from "@/lib/schemas/training";
import { getStorage } from "@/lib/storage/get-storage";
import { createTrainingRun, getTrainingRunOrThrow } from "@/lib/training/manage-training-runs";
import { TRAINING_RUN } from "@/lib/training/training-job";
import { NOT_INSTALLED, trainingWorkerStatus } from "@/lib/training/worker-install";
import { makeUser } from "@/test/factories";

const worker = trainingWorkerStatus();
if (!worker.installed) console.warn(`${worker.reason}: skipping the real training run (the refusal is still tested)`);

describe("retraining run on an export", () => {
  let actor: { id: string; email: string };
  let fixture: Awaited<ReturnType<typeof makeReviewedStudies>>;
  let yoloExport: string;
  let cocoExport: string;
  const modelIds: string[] = [];

  beforeAll(async () => {
    const admin = await makeUser("admin");
    actor = { id: admin.id, email: admin.email };
    const reader = await makeUser("radiologist");
    // 12 small studies of 64 px with one or two boxes each: what the training smoke test uses, through the app's export.
    fixture = await makeReviewedStudies(12, {
      readerId: reader.id,
      patients: 12,
      size: 64,
      labels: (i) => [{ className: "Nodule/Mass", box: [12 + (i % 4) * 4, 18, 30 + (i % 4) * 4, 36] }, ...(i % 2 ? [{ className: "Pleural effusion", box: [36, 40, 60, 60] as [number, number, number, number] }] : [])],
    });
    // Held-out evaluation patients included: the fixture's patient ids are random, and this tests training, not selection.
    for (const format of ["yolo", "coco"] as const) {
      const e = await createExport(actor, createExportBodySchema.parse({ format, filters: { readerId: reader.id, includeHeldOut: true }, valFraction: 0.25, seed: 1 }));
      await runNextJob(EXPORT_BUILD);
      if (format === "yolo") yoloExport = e.id;
      else cocoExport = e.id;
    }
  }, 120_000);

  afterAll(async () => {
    const storage = await getStorage();
    for (const m of await db.modelVersion.findMany({ where: { id: { in: modelIds } } })) await storage.delete(m.storageKey);
    await db.modelVersion.deleteMany({ where: { id: { in: modelIds } } });
    await db.trainingRun.deleteMany({ where: { exportId: { in: [yoloExport, cocoExport] } } });
    await db.job.deleteMany({ where: { type: TRAINING_RUN } });
    await removeExports([yoloExport, cocoExport]);
    await removeReviewedStudies(fixture);
  });

  it("refuses without the worker, on a COCO-only or unknown export, and writes no run", async () => {
    const body = (o: object) => createTrainingRunBodySchema.parse({ exportId: yoloExport, epochs: 1, imageSize: 64, batch: 4, ...o });
    await expect(createTrainingRun(actor, body({}), { workerBin: "/nonexistent/cxr-train" })).rejects.toMatchObject({ code: "unavailable", message: expect.stringContaining(NOT_INSTALLED) });
    if (worker.installed) {
      await expect(createTrainingRun(actor, body({ exportId: cocoExport }))).rejects.toMatchObject({ code: "unprocessable", message: expect.stringContaining("COCO only") });
      await expect(createTrainingRun(actor, body({ exportId: "nope" }))).rejects.toMatchObject({ code: "unprocessable", message: "Unknown export 'nope'." });
    }
    expect(await db.trainingRun.count({ where: { exportId: { in: [yoloExport, cocoExport] } } })).toBe(0);
    expect(createTrainingRunBodySchema.safeParse({ exportId: "x", imageSize: 100 }).success).toBe(false);
    expect(createTrainingRunBodySchema.safeParse({ exportId: "x", modelSize: "xl" }).success).toBe(false);
  });

  it.skipIf(!worker.installed)(
    "trains 1 epoch at 64 px through the job, reports progress, and registers the model with its metrics",
    async () => {
      const started = Date.now();
      const run = await createTrainingRun(actor, createTrainingRunBodySchema.parse({ exportId: yoloExport, modelSize: "n", epochs: 1, imageSize: 64, batch: 4 }));
      expect(run).toMatchObject({ status: "queued", progress: 0, model: null });
      const seen: string[] = [];
      const watch = setInterval(async () => {
        const j = await db.job.findFirst({ where: { type: TRAINING_RUN, state: "running" }, select: { progress: true, message: true } }).catch(() => null);
        if (j?.message && !seen.includes(j.message)) seen.push(j.message);
      }, 100);
      await runNextJob(TRAINING_RUN).finally(() => clearInterval(watch));
      console.log(`training run: ${((Date.now() - started) / 1000).toFixed(1)} s; progress messages: ${seen.join(" | ")}`);
      const done = await getTrainingRunOrThrow(run.id);
      expect(done.error).toBeNull();
      expect(done).toMatchObject({ status: "succeeded", progress: 1 });
      expect(done.model).toMatchObject({ name: "cxr-retrained", stage: "registered" });
      modelIds.push(done.model!.id);
      expect(done.metrics!.epochs).toBe(1);
      expect(Object.keys(done.metrics!.perClass)).toEqual(expect.arrayContaining(["Nodule/Mass", "Pleural effusion"]));
      expect(done.log).toContain('"stage":"train"');
      expect(seen.some((m) => m.startsWith("epoch 1/1"))).toBe(true);
      const model = await db.modelVersion.findUniqueOrThrow({ where: { id: done.model!.id } });
      expect((model.classes as string[]).length).toBe(14); // the export's classes: the VinDr-CXR vocabulary
      expect((model.modelCard as { data: { description: string } }).data.description).toContain(`CXR Review export ${yoloExport}`);
      expect(await db.auditEvent.count({ where: { action: "model.registered", targetId: model.id } })).toBe(1);
    },
    240_000,
  );

  it.skipIf(!worker.installed)("ends failed with the reason when the export's file is gone", async () => {
    await (await getStorage()).delete(exportStorageKey(yoloExport));
    const run = await createTrainingRun(actor, createTrainingRunBodySchema.parse({ exportId: yoloExport, epochs: 1, imageSize: 64, batch: 4 }));
    await runNextJob(TRAINING_RUN);
    const failed = await getTrainingRunOrThrow(run.id);
    expect(failed.status).toBe("failed");
    expect(failed.error).toContain("Stored file not found");
    expect(failed.model).toBeNull();
  });
});
