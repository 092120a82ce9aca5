import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startJobWorker } from "@/lib/jobs/job-worker";
import { rerunPrediction } from "@/lib/predictions/rerun-prediction";
import { listStudiesQuerySchema } from "@/lib/schemas/study";
import { getStorage } from "@/lib/storage/get-storage";
import { ingestFile } from "@/lib/studies/ingest-file";
import { listWorklist } from "@/lib/studies/list-worklist";
import { registerTinyModel } from "@/test/fixtures/models";
import { generateUid } from "@/lib/dicom/write-secondary-capture";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";

const admin = { id: null, email: "admin@test" };
const drain = async () => {
  const w = startJobWorker({ pollMs: 20, types: ["predict.study"] });
  await w.drain();
  await w.stop();
};

describe("a study whose prediction failed", () => {
  it("is shown as prediction_failed (filterable, audited); an admin re-runs it and it gets predicted", async () => {
    await registerTinyModel("rerun-1.0.0", "production");
    const result = await ingestFile(admin, "a.dcm", makeStudyDicom({ size: 96 }).bytes);
    const stored = { studyId: result.studyId!, instanceId: result.instanceId! };
    // A permanent failure: the stored file is gone (AppError not_found), so retrying cannot help.
    const storage = await getStorage();
    const instance = await db.instance.findUniqueOrThrow({ where: { id: stored.instanceId } });
    const bytes = await storage.get(instance.storageKey);
    await storage.delete(instance.storageKey);
    await drain();

    const job = await db.job.findFirstOrThrow({ where: { type: "predict.study" }, orderBy: { createdAt: "desc" } });
    expect(job).toMatchObject({ state: "failed", attempts: 1 });
    expect(await db.study.findUniqueOrThrow({ where: { id: stored.studyId } })).toMatchObject({ status: "prediction_failed" });
    const page = await listWorklist(listStudiesQuerySchema.parse({ status: "prediction_failed" }), true);
    expect(page.items.map((i) => i.id)).toContain(stored.studyId);
    expect(page.counts.prediction_failed).toBeGreaterThanOrEqual(1);
    expect(await db.auditEvent.findFirst({ where: { action: "study.prediction_failed", targetId: stored.studyId } })).not.toBeNull();

    await storage.put(instance.storageKey, bytes, "application/dicom");
    const r = await rerunPrediction(admin, stored.studyId);
    expect(r.status).toBe("new");
    expect(await db.auditEvent.findFirst({ where: { action: "study.prediction_requeued", targetId: stored.studyId } })).toMatchObject({
      actorEmail: "admin@test",
      details: { jobId: r.jobId, previousStatus: "prediction_failed" },
    });
    await drain();
    expect(await db.job.findUniqueOrThrow({ where: { id: r.jobId } })).toMatchObject({ state: "succeeded" });
    expect(await db.study.findUniqueOrThrow({ where: { id: stored.studyId } })).toMatchObject({ status: "predicted" });
    expect(await db.prediction.count({ where: { instanceId: stored.instanceId } })).toBe(1);

    await expect(rerunPrediction(admin, stored.studyId)).rejects.toMatchObject({ code: "conflict" });
    await expect(rerunPrediction(admin, "no-such-study")).rejects.toMatchObject({ code: "not_found" });
  });

  it("two workers running the jobs of one study at once leave exactly one prediction per image", async () => {
    const [studyUid, seriesUid] = [generateUid(), generateUid()];
    const ids = [];
    const since = new Date(); // the database is shared by the run's files: count this test's jobs only
    for (let i = 0; i < 4; i++)
      ids.push((await ingestFile(admin, `m${i}.dcm`, makeStudyDicom({ size: 96, studyUid, seriesUid }).bytes)).instanceId!);
    expect(await db.job.count({ where: { type: "predict.study", state: "queued", createdAt: { gte: since } } })).toBe(4); // one job per file
    const workers = [0, 1].map(() => startJobWorker({ pollMs: 10, concurrency: 1, types: ["predict.study"] }));
    for (const w of workers) await w.drain();
    await Promise.all(workers.map((w) => w.stop()));
    const counts = await Promise.all(ids.map((instanceId) => db.prediction.count({ where: { instanceId } })));
    expect(counts).toEqual([1, 1, 1, 1]);
  });
});
