import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startJobWorker } from "@/lib/jobs/job-worker";
import { ingestFile } from "@/lib/studies/ingest-file";
import { registerTinyModel } from "@/test/fixtures/models";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";

describe("automatic prediction after ingest", () => {
  it("queues a durable job on upload; the worker stores findings, thresholds, timings and drift features", async () => {
    const version = await registerTinyModel("1.0.0", "production");
    const stored = await ingestFile({ id: null, email: "t" }, "a.dcm", makeStudyDicom({ size: 96, manufacturer: "Acme" }).bytes);
    const job = await db.job.findFirstOrThrow({ where: { type: "predict.study" }, orderBy: { createdAt: "desc" } });
    expect(job).toMatchObject({ state: "queued", payload: { studyId: stored.studyId } });

    const worker = startJobWorker({ pollMs: 20 });
    await worker.drain();
    await worker.stop();

    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ state: "succeeded", progress: 1 });
    const p = await db.prediction.findFirstOrThrow({ where: { instanceId: stored.instanceId }, include: { findings: true } });
    expect(p).toMatchObject({
      modelVersionId: version.id,
      routing: "production",
      visible: true,
      thresholds: { confidence: 0.25, iou: 0.45 },
    });
    expect(p.features).toMatchObject({ manufacturer: "Acme", photometric: "MONOCHROME2", rows: 96, columns: 96, pixelSpacingMm: 0.2 });
    expect(p.findings.length).toBeGreaterThan(0);
    for (const f of p.findings) {
      expect(f.confidence).toBeGreaterThan(0.25);
      expect(["Nodule/Mass"]).toContain(f.className); // Mass and Nodule map to the VinDr-CXR vocabulary
      expect(f.x1).toBeGreaterThanOrEqual(0);
      expect(f.x2).toBeLessThanOrEqual(96);
    }
    const study = await db.study.findUniqueOrThrow({ where: { id: stored.studyId } });
    expect(study.status).toBe("predicted");
    expect(study.aiPriority).toBeCloseTo(Math.max(...p.findings.map((f) => f.confidence)), 6);
  });
});
