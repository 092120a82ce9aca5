import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import { runNextJob } from "@/lib/jobs/testing/run-queued-jobs";
import { MODEL_EVALUATE, requestEvaluation } from "@/lib/evaluation/evaluation-job";
import { EVALUATION_SETTING, evaluationSettingSchema } from "@/lib/evaluation/evaluation-settings";
import { NO_DATA_MESSAGE } from "@/lib/evaluation/evaluate-version";
import { makeReviewableStudies, removeReviewableStudies, readerOf, visibleFindings } from "@/lib/reviews/testing/reviewable-studies";
import { writeSetting } from "@/lib/settings/read-setting";
import { makeUser } from "@/test/factories";
import { readAndSignOff } from "@/test/fixtures/read-studies";

let fixture: Awaited<ReturnType<typeof makeReviewableStudies>> | undefined;
afterEach(async () => {
  if (fixture) await removeReviewableStudies(fixture);
  fixture = undefined;
  await db.setting.deleteMany({ where: { key: EVALUATION_SETTING } });
});

const heldOut = (fraction: number) =>
  writeSetting(SYSTEM_ACTOR, EVALUATION_SETTING, evaluationSettingSchema, { heldOutFraction: fraction });

// Runs exactly our evaluation job through the queue's claim-and-run path.
async function evaluate(versionId: string) {
  const { evaluationId } = await requestEvaluation(versionId, SYSTEM_ACTOR);
  await runNextJob(MODEL_EVALUATE);
  return db.evaluation.findUniqueOrThrow({ where: { id: evaluationId } });
}

describe("model.evaluate on signed-off reviews", () => {
  it("scores a version whose boxes readers accepted: AP from the reader's labels, no false positives at its thresholds", async () => {
    fixture = await makeReviewableStudies(4);
    const reader = readerOf(await makeUser("radiologist"));
    let shown = 0;
    for (const { studyId } of fixture.studies) {
      shown += (await visibleFindings(studyId)).length;
      await readAndSignOff(reader, studyId, { accept: "all" });
    }
    expect(shown).toBeGreaterThan(0);
    await heldOut(1);
    const ev = await evaluate(fixture.production.id);
    expect(ev).toMatchObject({ status: "succeeded", imageCount: 4, fpPerImage: 0, error: null });
    expect(ev.map50).toBeGreaterThan(0.5);
    expect(ev.map40!).toBeGreaterThanOrEqual(ev.map50!);
    expect(ev.latencyP50Ms).toBeGreaterThan(0);
    expect(ev.perClassAp).toMatchObject({ "Nodule/Mass": { gt: shown } });
    expect(ev.datasetDescription).toMatch(/4 of 4 signed-off studies \(patient-level, 100 %/);
    expect(await db.auditEvent.count({ where: { action: "model.evaluation_requested", targetId: fixture.production.id } })).toBeGreaterThan(
      0,
    );
  });

  it("a version whose every box readers rejected (and who drew their own elsewhere) scores 0 with its boxes as false positives", async () => {
    fixture = await makeReviewableStudies(3);
    const reader = readerOf(await makeUser("radiologist"));
    let shown = 0;
    for (const { studyId } of fixture.studies) {
      shown += (await visibleFindings(studyId)).length;
      await readAndSignOff(reader, studyId, { rejectRest: true, add: [[0, 90, 5, 95]] });
    }
    await heldOut(1);
    const ev = await evaluate(fixture.production.id);
    expect(ev.status).toBe("succeeded");
    expect(ev.map50).toBe(0);
    expect(ev.fpPerImage).toBeCloseTo(shown / 3);
  });

  it("without held-out signed-off reviews the evaluation says so instead of failing", async () => {
    fixture = await makeReviewableStudies(1);
    await readAndSignOff(readerOf(await makeUser("radiologist")), fixture.studies[0]!.studyId, { accept: "all" });
    await heldOut(0);
    const ev = await evaluate(fixture.production.id);
    expect(ev).toMatchObject({ status: "no_data", error: NO_DATA_MESSAGE, imageCount: 0, map50: null });
    await expect(requestEvaluation("no-such-version")).rejects.toMatchObject({ code: "not_found" });
  });
});
