import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import { setStage } from "@/lib/models/set-stage";
import { PREDICT_STUDY, predictStudy } from "@/lib/predictions/predict-study-job";
import { getStorage } from "@/lib/storage/get-storage";
import { ingestFile } from "@/lib/studies/ingest-file";
import type { UserDto } from "@/lib/schemas/user";
import type { Reader } from "@/lib/reviews/review-purpose";
import { registerTinyModel, taggedTinyModel } from "@/test/fixtures/models";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";

export const IMAGE_SIZE = 96;

// Our production and shadow versions, reused across this run's test files.
async function ensureVersion(version: string, stage: "production" | "staging", shadow: boolean) {
  const bytes = taggedTinyModel(`cxr review fixture ${version}`);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  let v = await db.modelVersion.findUnique({ where: { sha256 } });
  if (!v) v = await registerTinyModel(version, stage, { bytes });
  else if (v.stage !== stage) v = await setStage(SYSTEM_ACTOR, v.id, stage);
  return db.modelVersion.update({ where: { id: v.id }, data: { shadow, canaryShare: 0 } });
}

// Studies with real AI findings: ingest synthetic chest radiographs and run their predict jobs.
export async function makeReviewableStudies(n: number) {
  const production = await ensureVersion("review-prod", "production", false);
  const shadow = await ensureVersion("review-shadow", "staging", true);
  // Leftover canaries or shadows from other files would change which findings are visible.
  await db.modelVersion.updateMany({
    where: { id: { notIn: [production.id, shadow.id] }, OR: [{ stage: "canary" }, { shadow: true }] },
    data: { stage: "archived", canaryShare: 0, shadow: false },
  });
  const studies: { studyId: string; instanceId: string }[] = [];
  for (let i = 0; i < n; i++) {
    const r = await ingestFile(SYSTEM_ACTOR, `review-${i}.dcm`, makeStudyDicom({ size: IMAGE_SIZE }).bytes);
    if (!r.studyId || !r.instanceId) throw new Error(`ingest failed: ${r.error?.message}`);
    studies.push({ studyId: r.studyId, instanceId: r.instanceId });
  }
  // Run exactly our predict jobs' service (draining the queue would also run other files' leftover jobs on our model).
  const ids = new Set(studies.map((x) => x.studyId));
  const jobs = await db.job.findMany({ where: { type: PREDICT_STUDY, state: "queued" }, select: { id: true, payload: true } });
  await db.job.deleteMany({
    where: { id: { in: jobs.filter((j) => ids.has((j.payload as { studyId?: string }).studyId ?? "")).map((j) => j.id) } },
  });
  for (const { studyId } of studies) await predictStudy(studyId);
  return { production, shadow, studies };
}

// Leaves the shared run database and storage as found: other files count stored files and delete admins.
export async function removeReviewableStudies(f: Awaited<ReturnType<typeof makeReviewableStudies>>) {
  const storage = await getStorage();
  const ids = f.studies.map((s) => s.studyId);
  const instances = await db.instance.findMany({ where: { series: { studyId: { in: ids } } }, select: { storageKey: true } });
  await db.study.deleteMany({ where: { id: { in: ids } } }); // cascades to predictions, findings, reviews, labels, revisions
  for (const i of instances) await storage.delete(i.storageKey);
  for (const v of [f.production, f.shadow]) {
    if ((await db.prediction.count({ where: { modelVersionId: v.id } })) > 0) continue;
    await db.modelVersion.delete({ where: { id: v.id } });
    await storage.delete(v.storageKey);
  }
}

export const readerOf = (u: UserDto): Reader => ({ id: u.id, email: u.email, role: u.role });

export async function visibleFindings(studyId: string) {
  return db.finding.findMany({
    where: { prediction: { visible: true, instance: { series: { studyId } } } },
    orderBy: { confidence: "desc" },
  });
}

export async function shadowFindings(studyId: string) {
  return db.finding.findMany({ where: { prediction: { visible: false, instance: { series: { studyId } } } } });
}
