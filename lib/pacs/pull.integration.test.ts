// Query/retrieve and auto-pull end to end against a real Orthanc: a pull job retrieves by WADO-RS and ingests; the
// PACS killed under a pull → the job retries and completes once it is back; auto-pull (storescu → Orthanc → poll →
// pull → predict) dedupes by Study Instance UID and pulls a study again only when it grew.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import { drainJobs } from "@/lib/jobs/testing/run-queued-jobs";
import { listPacsPulls } from "@/lib/pacs/list-pulls";
import { createPacsConnection, listPacsConnections, updatePacsConnection } from "@/lib/pacs/manage-connections";
import { pollConnection } from "@/lib/pacs/poll-connection";
import { enqueueAutoPullPolls } from "@/lib/pacs/poll-job";
import { PACS_POLL, PACS_PULL } from "@/lib/pacs/pull-job-type";
import { requestPulls } from "@/lib/pacs/request-pulls";
import { searchPacs } from "@/lib/pacs/search-pacs";
import { dicomToday, makePacsStudy } from "@/lib/pacs/testing/pacs-fixtures";
import { dcmtkAvailable, ORTHANC_MISSING, orthancAvailable, startOrthanc, type Orthanc } from "@/lib/pacs/testing/orthanc";
import { storescu } from "@/lib/pacs/testing/storescu";
import { PREDICT_STUDY } from "@/lib/predictions/predict-study-job";
import { makeUser } from "@/test/factories";
import { registerTinyModel } from "@/test/fixtures/models";

const available = orthancAvailable() && dcmtkAvailable();
if (!available && env.CI) throw new Error(`${ORTHANC_MISSING}; DCMTK too (apt-get install -y dcmtk)`);
if (!available) console.warn(`SKIPPED: ${ORTHANC_MISSING}; DCMTK too`);

const jobOf = async (pullId: string) => {
  const pull = await db.pacsPull.findUniqueOrThrow({ where: { id: pullId } });
  return db.job.findUniqueOrThrow({ where: { id: pull.jobId! } });
};

describe.skipIf(!available)("PACS pull and auto-pull against Orthanc", () => {
  let orthanc: Orthanc;
  let connectionId: string;

  beforeAll(async () => {
    orthanc = await startOrthanc({ users: { app: "pw" } });
    const c = await createPacsConnection(SYSTEM_ACTOR, {
      ...{
        name: `pull-${Date.now()}`,
        dicomwebUrl: orthanc.dicomWebUrl,
        authType: "basic",
        username: "app",
        secret: "pw",
        aeTitle: null,
        host: null,
        port: null,
      },
      ...{ modalities: ["CR", "DX"], autoPull: false, pushResults: false, pushProtocol: "stow", enabled: true },
    });
    connectionId = c.id;
  });
  afterAll(async () => orthanc?.stop());

  test("a reader's pull: job retrieves the study by WADO-RS, ingests every instance, search marks it present, audited", async () => {
    const reader = await makeUser("radiologist");
    const actor = { id: reader.id, email: reader.email };
    const s = makePacsStudy({
      patientId: "PULL-1",
      accessionNumber: "ACC-PULL-1",
      studyDate: "20250402",
      encodings: ["explicit", "rle", "jpegls"],
    });
    for (const f of s.files) await orthanc.upload(f);
    const [before] = await searchPacs(actor, connectionId, { patientId: "PULL-1", limit: 10 });
    expect(before).toMatchObject({ studyInstanceUid: s.studyInstanceUid, studyId: null, instances: 3 });

    const [requested] = await requestPulls(actor, connectionId, [{ studyInstanceUid: s.studyInstanceUid }], "manual");
    const [again] = await requestPulls(actor, connectionId, [{ studyInstanceUid: s.studyInstanceUid }], "manual");
    expect(again).toMatchObject({ pullId: requested!.pullId, jobId: requested!.jobId, alreadyRunning: true }); // no second job
    await drainJobs([PACS_PULL]);

    const job = await jobOf(requested!.pullId);
    expect(job).toMatchObject({ state: "succeeded", result: { instances: 3, stored: 3, duplicate: 0, rejected: 0 } });
    const study = await db.study.findUniqueOrThrow({
      where: { studyInstanceUid: s.studyInstanceUid },
      include: { series: { include: { instances: true } } },
    });
    expect(study.series.flatMap((x) => x.instances.map((i) => i.transferSyntaxUid)).sort()).toEqual([
      "1.2.840.10008.1.2.1",
      "1.2.840.10008.1.2.4.80",
      "1.2.840.10008.1.2.5",
    ]);
    expect(await db.job.count({ where: { type: PREDICT_STUDY, payload: { equals: { studyId: study.id } } } })).toBeGreaterThan(0); // the ingest queued prediction
    const [after] = await searchPacs(actor, connectionId, { accessionNumber: "ACC-PULL-1", limit: 10 });
    expect(after!.studyId).toBe(study.id);
    const [listed] = await listPacsPulls({ connectionId, limit: 50, ids: [requested!.pullId] });
    expect(listed).toMatchObject({ state: "succeeded", progress: 1, studyId: study.id, trigger: "manual" });
    const audit = await db.auditEvent.findMany({ where: { targetId: requested!.pullId }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([
      ["pacs.pull_requested", reader.id],
      ["pacs.pull_completed", reader.id],
    ]);
    expect(await db.auditEvent.count({ where: { action: "pacs.searched", actorId: reader.id } })).toBe(2);
  });

  test("PACS killed under a pull: the job is retried with backoff and completes once the PACS is back", async () => {
    const s = makePacsStudy({ patientId: "PULL-2", accessionNumber: "ACC-PULL-2", studyDate: "20250403" });
    for (const f of s.files) await orthanc.upload(f);
    const [requested] = await requestPulls(SYSTEM_ACTOR, connectionId, [{ studyInstanceUid: s.studyInstanceUid }], "manual");
    await orthanc.kill();
    try {
      await drainJobs([PACS_PULL]);
      const failedOnce = await jobOf(requested!.pullId);
      expect(failedOnce).toMatchObject({ state: "queued", attempts: 1, error: expect.stringContaining("did not answer") });
      expect(failedOnce.runAfter.getTime()).toBeGreaterThan(Date.now());
    } finally {
      await orthanc.start();
    }
    const deadline = Date.now() + 20_000;
    while ((await jobOf(requested!.pullId)).state !== "succeeded" && Date.now() < deadline) {
      await drainJobs([PACS_PULL]);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await jobOf(requested!.pullId)).toMatchObject({ state: "succeeded", attempts: 2, result: { stored: 1 } });
    expect(await db.study.count({ where: { studyInstanceUid: s.studyInstanceUid } })).toBe(1);
  });

  test("wrong credentials: the pull fails at once with the PACS's 401 in words, no retry", async () => {
    const s = makePacsStudy({ patientId: "PULL-3", accessionNumber: "ACC-PULL-3", studyDate: "20250404" });
    for (const f of s.files) await orthanc.upload(f);
    await updatePacsConnection(SYSTEM_ACTOR, connectionId, { secret: "wrong" });
    try {
      const [requested] = await requestPulls(SYSTEM_ACTOR, connectionId, [{ studyInstanceUid: s.studyInstanceUid }], "manual");
      await drainJobs([PACS_PULL]);
      expect(await jobOf(requested!.pullId)).toMatchObject({
        state: "failed",
        attempts: 1,
        error: expect.stringContaining("401 from the PACS"),
      });
      const [listed] = await listPacsPulls({ limit: 5, ids: [requested!.pullId] });
      expect(listed!.error).toContain("credentials were refused");
    } finally {
      await updatePacsConnection(SYSTEM_ACTOR, connectionId, { secret: "pw" });
    }
  });

  test("auto-pull: storescu → Orthanc → poll → pull → predicted; polled again nothing is pulled twice; a grown study is pulled again", async () => {
    await registerTinyModel(`pacs-${Date.now()}`, "production");
    await updatePacsConnection(SYSTEM_ACTOR, connectionId, { autoPull: true });
    const today = makePacsStudy({
      patientId: "AUTO-1",
      accessionNumber: "ACC-AUTO-1",
      studyDate: dicomToday(),
      modality: "DX",
      encodings: ["explicit", "explicit"],
    });
    const old = makePacsStudy({ patientId: "AUTO-OLD", accessionNumber: "ACC-AUTO-OLD", studyDate: dicomToday(-10), modality: "DX" });
    const mr = makePacsStudy({ patientId: "AUTO-MR", accessionNumber: "ACC-AUTO-MR", studyDate: dicomToday(), modality: "CR" });
    await storescu({ port: orthanc.dicomPort, calledAeTitle: orthanc.aeTitle }, [today.files[0]!, ...old.files, ...mr.files]);

    expect(await enqueueAutoPullPolls()).toBe(1);
    expect(await enqueueAutoPullPolls()).toBe(0); // one pending poll per connection
    await drainJobs([PACS_POLL, PACS_PULL, PREDICT_STUDY]);
    const study = await db.study.findUniqueOrThrow({ where: { studyInstanceUid: today.studyInstanceUid } });
    expect(study.status).toBe("predicted");
    expect(await db.study.count({ where: { studyInstanceUid: old.studyInstanceUid } })).toBe(0); // before the watermark
    expect(await db.study.count({ where: { studyInstanceUid: mr.studyInstanceUid } })).toBe(1); // CR is in the filter
    const connection = await db.pacsConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(connection.pullWatermark!.getTime()).toBeGreaterThan(Date.now() - 86_400_000);

    expect(await pollConnection(connectionId)).toMatchObject({ found: 2, requested: 0 }); // same day again: deduped
    await storescu({ port: orthanc.dicomPort, calledAeTitle: orthanc.aeTitle }, [today.files[1]!]); // the second image arrives later
    expect(await pollConnection(connectionId)).toMatchObject({ requested: 1 });
    await drainJobs([PACS_PULL]);
    expect(await db.instance.count({ where: { series: { studyId: study.id } } })).toBe(2);
    expect(await db.pacsPull.count({ where: { connectionId, studyInstanceUid: today.studyInstanceUid } })).toBe(1);
    expect(await pollConnection(connectionId)).toMatchObject({ requested: 0 });
  });

  test("auto-pull with the PACS down: the admin sees why, and the PACS is asked again only after a pause", async () => {
    await db.job.deleteMany({ where: { type: PACS_POLL } });
    await orthanc.kill();
    try {
      expect(await enqueueAutoPullPolls()).toBe(1);
      await drainJobs([PACS_POLL]);
      const mine = (await listPacsConnections()).find((c) => c.id === connectionId)!;
      expect(mine.autoPullError).toContain("did not answer");
      expect(await enqueueAutoPullPolls()).toBe(0); // paused 30 s after a failed poll
    } finally {
      await orthanc.start();
      await updatePacsConnection(SYSTEM_ACTOR, connectionId, { autoPull: false });
    }
    expect((await listPacsConnections()).find((c) => c.id === connectionId)!.autoPullError).toBeNull(); // auto-pull off
  });
});
