// Results back to a real PACS: two Orthanc servers (Debian's orthanc + orthanc-dicomweb), one reached by STOW-RS with
// basic auth, one by C-STORE. The source image is in the PACS and in the app; sign-off must file SR + GSPS beside it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { dciodvfy, dciodvfyAvailable, DCIODVFY_MISSING, dsrdump } from "@/lib/dicom/testing/dciodvfy";
import { GSPS_SOP_CLASS } from "@/lib/gsps/write-presentation-state";
import { listStudyPushes } from "@/lib/pacs/push/list-pushes";
import { buildResultObjects } from "@/lib/pacs/push/build-result-objects";
import { requestResultPush } from "@/lib/pacs/push/request-push";
import { stowInstances } from "@/lib/pacs/push/stow-rs";
import { SECONDARY_CAPTURE_SOP_CLASS } from "@/lib/dicom/write-secondary-capture";
import { parseDicom } from "@/lib/dicom/parse-dicom";
import { ORTHANC_MISSING, orthancAvailable, startOrthanc, type Orthanc } from "@/lib/pacs/testing/orthanc";
import { orthancFile, orthancStudyInstances } from "@/lib/pacs/testing/orthanc-study";
import { createPushDestination, runPushJob } from "@/lib/pacs/testing/push-destination";
import { predictStudy } from "@/lib/predictions/predict-study-job";
import { saveReview } from "@/lib/reviews/save-review";
import { signOffReview } from "@/lib/reviews/sign-off-review";
import {
  IMAGE_SIZE,
  makeReviewableStudies,
  readerOf,
  removeReviewableStudies,
  visibleFindings,
} from "@/lib/reviews/testing/reviewable-studies";
import { saveReviewBodySchema } from "@/lib/schemas/review";
import { COMPREHENSIVE_SR_SOP_CLASS } from "@/lib/sr/write-measurement-report";
import { ingestFile } from "@/lib/studies/ingest-file";
import { makeUser } from "@/test/factories";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";

const ready = orthancAvailable() && dciodvfyAvailable();
if (!ready && env.CI) throw new Error(`${ORTHANC_MISSING}; ${DCIODVFY_MISSING}`);
if (!ready) console.warn(`SKIPPED: ${ORTHANC_MISSING}; ${DCIODVFY_MISSING}`);

const AUTH = { username: "cxr", password: "pacs-secret" };
let stowPacs: Orthanc;
let dimsePacs: Orthanc;
let fixture: Awaited<ReturnType<typeof makeReviewableStudies>>;
const connectionIds: string[] = [];

// A chest image the PACS already holds, ingested into the app, read (AI box accepted, one added) and signed off.
async function signedOffStudy(pacsList: Orthanc[]) {
  const { bytes } = makeStudyDicom({ size: IMAGE_SIZE, studyTime: "093015", studyId: "CXR7" });
  for (const p of pacsList) await p.upload(bytes);
  const r = await ingestFile(SYSTEM_ACTOR, "pacs-study.dcm", bytes);
  if (!r.studyId || !r.instanceId) throw new Error(`ingest failed: ${r.error?.message}`);
  fixture.studies.push({ studyId: r.studyId, instanceId: r.instanceId });
  await predictStudy(r.studyId);
  const [finding] = await visibleFindings(r.studyId);
  const reader = readerOf(await makeUser("radiologist"));
  const operations = [
    ...(finding ? [{ op: "accept", findingId: finding.id }] : []),
    { op: "add", instanceId: r.instanceId, className: "Nodule/Mass", box: [10, 12, 40, 44] },
  ];
  await saveReview(reader, r.studyId, saveReviewBodySchema.parse({ version: 0, operations }));
  await signOffReview(reader, r.studyId, { version: 1, impression: "abnormal" });
  const study = await db.study.findUniqueOrThrow({ where: { id: r.studyId }, include: { series: { include: { instances: true } } } });
  return { study, reader, imageUid: study.series[0]!.instances[0]!.sopInstanceUid, boxes: finding ? 2 : 1 };
}

const pushOf = (studyId: string, connectionId: string) =>
  db.pacsPush.findUniqueOrThrow({ where: { studyId_connectionId: { studyId, connectionId } } });
const dtoOf = async (studyId: string, connectionId: string) =>
  (await listStudyPushes(studyId)).find((p) => p.connection.id === connectionId);
const destination = async (p: Orthanc, d: Parameters<typeof createPushDestination>[1]) => {
  const c = await createPushDestination(p, d);
  connectionIds.push(c.id);
  return c;
};

describe.skipIf(!ready)("results back to the PACS (real Orthanc)", () => {
  beforeAll(async () => {
    [stowPacs, dimsePacs] = await Promise.all([
      startOrthanc({ users: { [AUTH.username]: AUTH.password } }),
      startOrthanc({ aeTitle: "DIMSEPACS" }),
    ]);
    fixture = await makeReviewableStudies(0);
  });
  // Each test's sign-off goes only to the destinations it creates.
  beforeEach(() => db.pacsConnection.updateMany({ where: { id: { in: connectionIds } }, data: { pushResults: false } }));
  afterAll(async () => {
    await db.pacsConnection.deleteMany({ where: { id: { in: connectionIds } } });
    if (fixture) await removeReviewableStudies(fixture);
    await Promise.all([stowPacs?.stop(), dimsePacs?.stop()]);
  });

  it("sign-off files the SR and the GSPS in the source study, by STOW-RS (basic auth) and by C-STORE, valid for dciodvfy and dsrdump", async () => {
    const stow = await destination(stowPacs, { protocol: "stow", auth: AUTH });
    const cstore = await destination(dimsePacs, { protocol: "c-store" });
    const { study, reader, imageUid } = await signedOffStudy([stowPacs, dimsePacs]);
    for (const c of [stow, cstore]) {
      const push = await pushOf(study.id, c.id);
      expect(push).toMatchObject({ state: "queued", trigger: "sign_off", requestedById: reader.id });
      const job = await runPushJob(push.id);
      expect(job.state).toBe("succeeded");
    }
    for (const [pacs, c, pattern] of [
      [stowPacs, stow, /^STOW-RS HTTP 200: 2 stored$/],
      [dimsePacs, cstore, /^C-STORE to DIMSEPACS: 0x0000, 0x0000/],
    ] as const) {
      const held = await orthancStudyInstances(pacs, study.studyInstanceUid);
      expect(held.map((i) => i.sopClassUid).sort()).toEqual(
        [GSPS_SOP_CLASS, COMPREHENSIVE_SR_SOP_CLASS, study.series[0]!.instances[0]!.sopClassUid].sort(),
      );
      const gsps = held.find((i) => i.sopClassUid === GSPS_SOP_CLASS)!;
      const tags = await pacs.rest<Record<string, unknown>>(`/instances/${gsps.id}/tags?simplify`);
      const refs = tags.ReferencedSeriesSequence as Array<{ ReferencedImageSequence: Array<{ ReferencedSOPInstanceUID: string }> }>;
      expect(refs[0]!.ReferencedImageSequence[0]!.ReferencedSOPInstanceUID).toBe(imageUid);
      expect(tags).toMatchObject({ StudyInstanceUID: study.studyInstanceUid, StudyTime: "093015", StudyID: "CXR7", Modality: "PR" });
      expect(tags.SeriesInstanceUID).not.toBe(study.series[0]!.seriesInstanceUid);
      for (const obj of held.filter((i) => i.sopClassUid !== study.series[0]!.instances[0]!.sopClassUid)) {
        const bytes = await orthancFile(pacs, obj.id);
        expect(dciodvfy(bytes).errors).toEqual([]);
        if (obj.sopClassUid === COMPREHENSIVE_SR_SOP_CLASS) expect(dsrdump(bytes)).toMatchObject({ status: 0, errors: [] });
      }
      const dto = await dtoOf(study.id, c.id);
      expect(dto).toMatchObject({ state: "sent", attempts: 1, error: null, remoteStatus: expect.stringMatching(pattern) });
      expect(dto!.objects.map((o) => o.kind)).toEqual(["sr", "gsps"]);
      const audits = await db.auditEvent.findMany({ where: { action: "pacs.push_sent", targetId: study.id } });
      expect(audits.find((a) => (a.details as { connectionId?: string }).connectionId === c.id)).toMatchObject({
        actorId: reader.id,
        details: { connection: c.name, remoteStatus: dto!.remoteStatus },
      });
    }
  });

  it("a PACS killed during the push: the try fails as transient, the job retries and delivers once the PACS is back", async () => {
    const cstore = await destination(dimsePacs, { protocol: "c-store" });
    await dimsePacs.kill();
    const { study } = await signedOffStudy([]);
    const push = await pushOf(study.id, cstore.id);
    const first = await runPushJob(push.id);
    expect(first).toMatchObject({ state: "queued", attempts: 1 }); // retried with backoff, not failed
    const waiting = await dtoOf(study.id, cstore.id);
    expect(waiting).toMatchObject({
      state: "retrying",
      error: expect.stringMatching(/PACS unreachable at 127\.0\.0\.1:\d+/),
      nextTryAt: first.runAfter.toISOString(),
    });
    await dimsePacs.start();
    expect(await runPushJob(push.id)).toMatchObject({ state: "succeeded", attempts: 2 });
    expect(await pushOf(study.id, cstore.id)).toMatchObject({ state: "sent", attempts: 2, error: null });
    expect((await orthancStudyInstances(dimsePacs, study.studyInstanceUid)).map((i) => i.sopClassUid).sort()).toEqual(
      [GSPS_SOP_CLASS, COMPREHENSIVE_SR_SOP_CLASS].sort(),
    );
  });

  it("wrong credentials: a permanent, clearly worded failure on the push (audited), no retry; a re-send after the fix delivers", async () => {
    const stow = await destination(stowPacs, { protocol: "stow", auth: { username: AUTH.username, password: "wrong" } });
    const { study, reader } = await signedOffStudy([]);
    const push = await pushOf(study.id, stow.id);
    expect(await runPushJob(push.id)).toMatchObject({ state: "failed", attempts: 1 });
    const failed = await dtoOf(study.id, stow.id);
    expect(failed).toMatchObject({ state: "failed", error: expect.stringMatching(/refused our credentials \(HTTP 401\)/) });
    expect(await db.auditEvent.count({ where: { action: "pacs.push_failed", targetId: study.id } })).toBe(1);
    await db.pacsConnection.update({ where: { id: stow.id }, data: { secret: AUTH.password } });
    const [requeued] = await requestResultPush(reader, study.id, { connectionId: stow.id });
    expect(requeued).toMatchObject({ state: "queued", trigger: "manual", error: null });
    expect(await runPushJob(push.id)).toMatchObject({ state: "succeeded" });
    expect(await dtoOf(study.id, stow.id)).toMatchObject({ state: "sent" });
    expect(await db.auditEvent.count({ where: { action: "pacs.push_requested", targetId: study.id, actorId: reader.id } })).toBe(1);
  });

  it("the optional key image: a secondary capture in the same study with the boxes burned in, valid for dciodvfy", async () => {
    const { study, imageUid } = await signedOffStudy([stowPacs]);
    const { objects } = await buildResultObjects(study.id, { keyImage: true });
    expect(objects.map((o) => o.kind)).toEqual(["sr", "gsps", "sc"]);
    await stowInstances({ ...(await destination(stowPacs, { protocol: "stow", auth: AUTH })) }, objects, 10_000);
    const held = await orthancStudyInstances(stowPacs, study.studyInstanceUid);
    const sc = held.find((i) => i.sopClassUid === SECONDARY_CAPTURE_SOP_CLASS && i.sopInstanceUid !== imageUid)!;
    const bytes = await orthancFile(stowPacs, sc.id);
    expect(dciodvfy(bytes).errors).toEqual([]);
    const ds = parseDicom(bytes).raw;
    expect([ds.string("x0020000d"), ds.string("x00280301"), ds.string("x00204000")]).toEqual([
      study.studyInstanceUid,
      "YES",
      expect.stringMatching(/Nodule\/Mass/),
    ]);
    const px = ds.elements.x7fe00010!;
    const at = (x: number, y: number) => ds.byteArray[px.dataOffset + y * IMAGE_SIZE + x];
    expect(at(10, 30)).toBe(255); // the reader's box [10, 12, 40, 44]: its left edge is drawn in white
  });

  it("Send to PACS refuses a study that is not signed off, an unknown study, and a study with no destination", async () => {
    const reader = readerOf(await makeUser("radiologist"));
    const r = await ingestFile(SYSTEM_ACTOR, "unsigned.dcm", makeStudyDicom({ size: IMAGE_SIZE }).bytes);
    fixture.studies.push({ studyId: r.studyId!, instanceId: r.instanceId! });
    await expect(requestResultPush(reader, r.studyId!, {})).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/not signed off/),
    });
    await expect(requestResultPush(reader, "no-such-study", {})).rejects.toMatchObject({ code: "not_found" });
    const { study } = await signedOffStudy([]);
    expect(await db.pacsPush.count({ where: { studyId: study.id } })).toBe(0);
    await expect(requestResultPush(reader, study.id, {})).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/No PACS connection receives results/),
    });
  });
});
