import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { drainJobs } from "@/lib/jobs/testing/run-queued-jobs";
import { PREDICT_STUDY } from "@/lib/predictions/predict-study-job";
import { createToken } from "@/lib/tokens/manage-tokens";
import { startDicomNode, type DicomNode } from "@/lib/pacs/dicom-node/start-dicom-node";
import { ORTHANC_MISSING, orthancAvailable, startOrthanc, type Orthanc, type OrthancDicomWebServer } from "@/lib/pacs/testing/orthanc";
import { serveRoutes, type RouteServer } from "@/lib/pacs/testing/serve-route";
import { stowRoutes } from "@/test/fixtures/stow-routes";
import { registerTinyModel } from "@/test/fixtures/models";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";
import { makeUser } from "@/test/factories";

// A real Orthanc (Debian's orthanc + orthanc-dicomweb) configured with the app as a DICOMweb server (STOW-RS, with
// the token as a Bearer header or as the Basic password) and as a DICOM modality (C-STORE to the app's SCP) — the
// entries of the shipped example deploy/orthanc/orthanc.json, with this test's host, ports and token filled in.
if (!orthancAvailable() && env.CI) throw new Error(ORTHANC_MISSING);
const run = orthancAvailable() ? describe : describe.skip;

type ExampleConfig = {
  DicomModalities: Record<string, [string, string, number]>;
  DicomWeb: { Servers: Record<string, { Url: string; HttpHeaders?: Record<string, string>; Username?: string; Password?: string }> };
};
const PLACEHOLDER = "cxr_REPLACE_WITH_A_TOKEN_WITH_STUDIES_WRITE";

function exampleServers(appUrl: string, token: string): Record<string, OrthancDicomWebServer> {
  const example = JSON.parse(fs.readFileSync("deploy/orthanc/orthanc.json", "utf8")) as ExampleConfig;
  const fill = (v: string) => v.replace(PLACEHOLDER, token);
  return Object.fromEntries(
    Object.entries(example.DicomWeb.Servers).map(([name, s]) => [
      name,
      {
        url: s.Url.replace(/^https?:\/\/[^/]+/, appUrl),
        headers: s.HttpHeaders && Object.fromEntries(Object.entries(s.HttpHeaders).map(([k, v]) => [k, fill(v)])),
        username: s.Username,
        password: s.Password && fill(s.Password),
      },
    ]),
  );
}
const exampleModalityAet = () =>
  (JSON.parse(fs.readFileSync("deploy/orthanc/orthanc.json", "utf8")) as ExampleConfig).DicomModalities["cxr-review"]![0];

async function seedStudy(orthanc: Orthanc, patientId: string, instances = 2) {
  const first = makeStudyDicom({ patientId });
  const rest = Array.from({ length: instances - 1 }, () =>
    makeStudyDicom({ patientId, studyUid: first.uids.study, seriesUid: first.uids.series }),
  );
  let orthancStudy = "";
  for (const d of [first, ...rest]) orthancStudy = (await orthanc.upload(d.bytes)).ParentStudy;
  return { orthancStudy, studyUid: first.uids.study, instanceUids: [first, ...rest].map((d) => d.uids.instance) };
}

async function expectStudyInApp(studyUid: string, instanceUids: string[]) {
  const study = await db.study.findUniqueOrThrow({
    where: { studyInstanceUid: studyUid },
    include: { series: { include: { instances: true } } },
  });
  expect(study.series.flatMap((s) => s.instances.map((i) => i.sopInstanceUid)).sort()).toEqual([...instanceUids].sort());
  await drainJobs([PREDICT_STUDY]);
  expect((await db.study.findUniqueOrThrow({ where: { id: study.id } })).status).toBe("predicted");
  return study;
}

run("Orthanc sends studies to the app", () => {
  let app: RouteServer;
  let scp: DicomNode;
  let orthanc: Orthanc;

  beforeAll(async () => {
    await registerTinyModel("orthanc-to-app");
    const user = await makeUser("radiologist");
    const token = (await createToken({ id: user.id, email: user.email }, { name: "orthanc", scopes: ["studies:write"] })).token;
    app = await serveRoutes(stowRoutes);
    scp = await startDicomNode({
      port: 0,
      aeTitle: exampleModalityAet(),
      allowedAets: ["ORTHANC"],
      timeoutSeconds: 30,
      maxInstanceBytes: 5e6,
    });
    orthanc = await startOrthanc({
      dicomWebServers: {
        ...exampleServers(app.url, token),
        "cxr-wrong": { url: `${app.url}/dicomweb`, username: "orthanc", password: "cxr_wrong" },
      },
      modalities: { "cxr-review": { aet: exampleModalityAet(), host: "127.0.0.1", port: scp.port } },
    });
  });
  afterAll(async () => {
    await orthanc?.stop();
    await scp?.close();
    await app?.close();
  });

  it("pushes a study by STOW-RS (DicomWeb.Servers with HttpHeaders: Bearer token)", async () => {
    const s = await seedStudy(orthanc, "P-ORTHANC-STOW");
    await orthanc.rest("/dicom-web/servers/cxr-review/stow", { method: "POST", body: JSON.stringify({ Resources: [s.orthancStudy] }) });
    const study = await expectStudyInApp(s.studyUid, s.instanceUids);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "dicomweb.stow", targetId: study.id } });
    expect(audit.details).toMatchObject({ stored: 2, failed: 0 });
  });

  it("pushes a study by STOW-RS (Username/Password: the token as the Basic password); wrong credentials fail in Orthanc", async () => {
    const s = await seedStudy(orthanc, "P-ORTHANC-BASIC", 1);
    const wrong = await orthanc.restRaw("/dicom-web/servers/cxr-wrong/stow", {
      method: "POST",
      body: JSON.stringify({ Resources: [s.orthancStudy] }),
    });
    expect(wrong.ok).toBe(false);
    expect(await db.study.count({ where: { studyInstanceUid: s.studyUid } })).toBe(0);
    await orthanc.rest("/dicom-web/servers/cxr-review-basic/stow", {
      method: "POST",
      body: JSON.stringify({ Resources: [s.orthancStudy] }),
    });
    await expectStudyInApp(s.studyUid, s.instanceUids);
  });

  it("C-STOREs a study to the app's DICOM node (/modalities/<name>/store)", async () => {
    const s = await seedStudy(orthanc, "P-ORTHANC-DIMSE", 3);
    const r = await orthanc.rest<{ InstancesCount?: number; FailedInstancesCount?: number }>("/modalities/cxr-review/store", {
      method: "POST",
      body: JSON.stringify({ Resources: [s.orthancStudy], Synchronous: true }),
    });
    expect(r).toMatchObject({ InstancesCount: 3, FailedInstancesCount: 0 });
    await expectStudyInApp(s.studyUid, s.instanceUids);
  });
});
