import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import { drainJobs } from "@/lib/jobs/testing/run-queued-jobs";
import { setStage } from "@/lib/models/set-stage";
import { CANARY_CHECK } from "@/lib/performance/canary-job";
import { CANARY_RULE_SETTING } from "@/lib/performance/canary-rule-settings";
import { loadReviewVerdicts } from "@/lib/performance/load-review-verdicts";
import { aggregatePerformance } from "@/lib/performance/aggregate-performance";
import { predictStudy } from "@/lib/predictions/predict-study-job";
import { makeReviewableStudies, removeReviewableStudies, readerOf, IMAGE_SIZE } from "@/lib/reviews/testing/reviewable-studies";
import { canaryRuleSchema } from "@/lib/schemas/model";
import { writeSetting } from "@/lib/settings/read-setting";
import { ingestFile } from "@/lib/studies/ingest-file";
import { makeUser } from "@/test/factories";
import { registerTinyModel } from "@/test/fixtures/models";
import { readAndSignOff } from "@/test/fixtures/read-studies";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";

let fixture: Awaited<ReturnType<typeof makeReviewableStudies>>;
afterAll(async () => {
  await removeReviewableStudies(fixture);
  await db.setting.deleteMany({ where: { key: CANARY_RULE_SETTING } });
});

// Studies ingested while a canary takes every study: predicted by the canary.
async function canaryStudies(n: number) {
  const out: { studyId: string; instanceId: string }[] = [];
  for (let i = 0; i < n; i++) {
    const r = await ingestFile(SYSTEM_ACTOR, `canary-${i}.dcm`, makeStudyDicom({ size: IMAGE_SIZE }).bytes);
    await db.job.deleteMany({ where: { type: "predict.study", state: "queued", payload: { equals: { studyId: r.studyId! } } } });
    await predictStudy(r.studyId!);
    out.push({ studyId: r.studyId!, instanceId: r.instanceId! });
  }
  return out;
}

const runQueuedCanaryChecks = () => drainJobs([CANARY_CHECK]);

describe("the canary rule", () => {
  it("rolls back a canary whose readers reject more than production's, automatically, with the numbers", async () => {
    fixture = await makeReviewableStudies(3); // served by production
    await writeSetting(SYSTEM_ACTOR, CANARY_RULE_SETTING, canaryRuleSchema, {
      enabled: true,
      maxAcceptanceDrop: 0.2,
      minReviewedStudies: 3,
    });
    const canary = await registerTinyModel(`canary-rule-${Date.now()}`, "canary", { canaryShare: 1 });
    const onCanary = await canaryStudies(3);
    fixture.studies.push(...onCanary);
    expect(await db.prediction.count({ where: { modelVersionId: canary.id, routing: "canary" } })).toBe(3);

    const reader = readerOf(await makeUser("radiologist"));
    for (const s of fixture.studies.slice(0, 3)) await readAndSignOff(reader, s.studyId, { accept: "all" });
    for (const s of onCanary.slice(0, 2)) await readAndSignOff(reader, s.studyId, { rejectRest: true, add: [[2, 2, 20, 20]] });
    await runQueuedCanaryChecks();
    expect((await db.modelVersion.findUniqueOrThrow({ where: { id: canary.id } })).stage).toBe("canary"); // 2 studies: not yet

    await readAndSignOff(reader, onCanary[2]!.studyId, { rejectRest: true });
    expect(await db.job.count({ where: { type: CANARY_CHECK, state: "queued" } })).toBe(1); // enqueued by the sign-off
    await runQueuedCanaryChecks();

    const after = await db.modelVersion.findUniqueOrThrow({ where: { id: canary.id } });
    expect(after).toMatchObject({ stage: "registered", canaryShare: 0 });
    const change = await db.modelStageChange.findFirstOrThrow({ where: { modelVersionId: canary.id, fromStage: "canary" } });
    expect(change.automatic).toBe(true);
    expect(change.reason).toMatch(
      /canary rule: acceptance 0\.0 % on the canary vs 100\.0 % on production .* over 3 canary \/ 3 production studies/,
    );
    const audits = await db.auditEvent.findMany({ where: { action: "model.stage_changed", targetId: canary.id } });
    expect(audits.filter((a) => (a.details as { automatic?: boolean }).automatic)).toHaveLength(1);

    const perf = aggregatePerformance(
      await loadReviewVerdicts({ from: new Date(Date.now() - 3_600_000), versionIds: [canary.id, fixture.production.id] }),
    );
    const c = perf.find((p) => p.versionId === canary.id)!.total;
    expect(c).toMatchObject({ studies: 3, accepted: 0, added: 2, acceptanceRate: 0 });
    expect(c.rejected).toBe(c.shown);
    expect(perf.find((p) => p.versionId === fixture.production.id)!.total.acceptanceRate).toBe(1);
    await setStage(SYSTEM_ACTOR, canary.id, "archived");
  });
});
