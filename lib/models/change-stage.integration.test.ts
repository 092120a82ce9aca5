import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { changeStage } from "@/lib/models/change-stage";
import { rollbackModel } from "@/lib/models/rollback-model";
import { changeStageBodySchema } from "@/lib/schemas/model";
import { makeUser } from "@/test/factories";
import { registerTinyModel } from "@/test/fixtures/models";

const actorOf = (u: { id: string; email: string }) => ({ id: u.id, email: u.email });
const evaluated = (modelVersionId: string, map50: number) =>
  db.evaluation.create({ data: { modelVersionId, status: "succeeded", datasetDescription: "test set", imageCount: 10, map50, map40: map50 + 0.05, finishedAt: new Date() } });
const body = (b: unknown) => changeStageBodySchema.parse(b);
const stageOf = async (id: string) => (await db.modelVersion.findUniqueOrThrow({ where: { id } })).stage;
let n = 0;

beforeEach(async () => {
  await db.modelVersion.updateMany({ data: { stage: "archived", canaryShare: 0, shadow: false } });
});

describe("promotion and rollback", () => {
  it("refuses a promotion below production's mAP@0.5 without an override reason, with both numbers, and changes nothing", async () => {
    const admin = actorOf(await makeUser("admin"));
    const prod = await registerTinyModel(`guard-prod-${++n}`, "production");
    const cand = await registerTinyModel(`guard-cand-${n}`, "registered");
    await evaluated(prod.id, 0.42);
    await evaluated(cand.id, 0.31);
    await expect(changeStage(admin, cand.id, body({ to: "canary", canaryShare: 0.2 }))).rejects.toMatchObject({
      code: "unprocessable",
      message: expect.stringMatching(/0\.310.*below production's \(0\.420\)/),
      details: { overrideRequired: true, candidateMap50: 0.31, productionMap50: 0.42 },
    });
    expect(await stageOf(cand.id)).toBe("registered");
    await expect(changeStage(admin, cand.id, body({ to: "staging" }))).resolves.toMatchObject({ stage: "staging" }); // not serving: no guard
    const canary = await changeStage(admin, cand.id, body({ to: "canary", canaryShare: 0.2, overrideReason: "better recall on small nodules" }));
    expect(canary).toMatchObject({ stage: "canary", canaryShare: 0.2 });
    const change = await db.modelStageChange.findFirstOrThrow({ where: { modelVersionId: cand.id, toStage: "canary" } });
    expect(change).toMatchObject({ fromStage: "staging", actorId: admin.id, automatic: false, reason: "override: better recall on small nodules" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "model.stage_changed", targetId: cand.id }, orderBy: { createdAt: "desc" } });
    expect(audit).toMatchObject({ actorId: admin.id, details: { from: "staging", to: "canary", canaryShare: 0.2, reason: "override: better recall on small nodules" } });
  });

  it("lets an equal or better version through, and keeps canary shares within 100 %", async () => {
    const admin = actorOf(await makeUser("admin"));
    const prod = await registerTinyModel(`ok-prod-${++n}`, "production");
    const a = await registerTinyModel(`ok-a-${n}`, "registered");
    const b = await registerTinyModel(`ok-b-${n}`, "registered");
    await evaluated(prod.id, 0.4);
    await evaluated(a.id, 0.45);
    await evaluated(b.id, 0.5);
    await changeStage(admin, a.id, body({ to: "canary", canaryShare: 0.7 }));
    await expect(changeStage(admin, b.id, body({ to: "canary", canaryShare: 0.4 }))).rejects.toMatchObject({ code: "unprocessable", message: expect.stringMatching(/110 %/) });
    await expect(changeStage(admin, b.id, body({ to: "canary", canaryShare: 0.3, shadow: false }))).resolves.toMatchObject({ stage: "canary" });
    await expect(changeStage(admin, prod.id, body({ to: "archived" }))).rejects.toMatchObject({ code: "conflict" }); // never left without production
    expect(() => body({ to: "canary" })).toThrow(/canaryShare/);
    expect(() => body({ to: "production", shadow: true })).toThrow(/shadows/);
  });

  it("rolls a canary back to registered and a production version back to the one it replaced, audited", async () => {
    const admin = actorOf(await makeUser("admin"));
    const old = await registerTinyModel(`rb-old-${++n}`, "production");
    const next = await registerTinyModel(`rb-new-${n}`, "registered");
    await changeStage(admin, next.id, body({ to: "canary", canaryShare: 0.2 }));
    const r1 = await rollbackModel(admin, next.id, { reason: "readers unhappy" });
    expect(r1.rolledBack).toMatchObject({ stage: "registered", canaryShare: 0 });
    expect(await db.modelStageChange.findFirstOrThrow({ where: { modelVersionId: next.id }, orderBy: { createdAt: "desc" } })).toMatchObject({ fromStage: "canary", toStage: "registered", reason: "rollback: readers unhappy", actorId: admin.id });

    await changeStage(admin, next.id, body({ to: "production", reason: "go" }));
    expect(await stageOf(old.id)).toBe("archived");
    const r2 = await rollbackModel(admin, next.id, {});
    expect(r2.restored).toMatchObject({ id: old.id, stage: "production" });
    expect(await stageOf(next.id)).toBe("archived");
    expect(await db.modelVersion.count({ where: { stage: "production" } })).toBe(1);
    const audits = await db.auditEvent.findMany({ where: { action: "model.stage_changed", targetId: { in: [old.id, next.id] }, actorId: admin.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => (a.details as { to: string }).to).slice(-2)).toEqual(["archived", "production"]);
    await expect(rollbackModel(admin, next.id)).rejects.toMatchObject({ code: "conflict" });
    await expect(rollbackModel(admin, "no-such-id")).rejects.toMatchObject({ code: "not_found" });
  });
});
