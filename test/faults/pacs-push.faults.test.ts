// Results back to the PACS through the production server and its in-process worker, against a real Orthanc:
// the PACS down while readers sign off, and the web process killed with -9 meanwhile → every study's SR and GSPS
// arrive once the PACS is back, nothing lost; wrong credentials → a clear error on the push, the server unharmed.
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";

import { ORTHANC_MISSING, orthancAvailable, startOrthanc, type Orthanc } from "@/lib/pacs/testing/orthanc";
import { orthancStudyInstances } from "@/lib/pacs/testing/orthanc-study";
import { addPushDestination } from "@/lib/pacs/testing/sqlite-push-destination";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";
import { recordFigure } from "./support/figures";
import { FAULT_ADMIN, startProdServer, type ProdServer } from "./support/prod-server";
import { signIn, type Session } from "./support/session";
import { waitFor } from "./support/wait-for";

if (!orthancAvailable() && process.env.CI) throw new Error(ORTHANC_MISSING);
if (!orthancAvailable()) console.warn(`SKIPPED: ${ORTHANC_MISSING}`);

type Push = { state: string; error: string | null; attempts: number; connection: { name: string } };
let server: ProdServer;
let pacs: Orthanc;
let lockedPacs: Orthanc;
let session: Session;

const UNTIL_MS = 120_000;
const json = async <T>(res: Response): Promise<T> => {
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};
const post = (p: string, body: unknown) =>
  session.fetch(p, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
const patch = (p: string, body: unknown) =>
  session.fetch(p, { method: "PATCH", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
const pushes = async (studyId: string) =>
  (await json<{ pushes: Push[] }>(await session.fetch(`/api/v1/studies/${studyId}/pacs-pushes`))).pushes;

// Upload (the PACS holds the same image when `alsoIn` is given), wait for the AI, add a box, sign off.
async function signOffNewStudy(alsoIn?: Orthanc): Promise<{ studyId: string; studyUid: string }> {
  const dicom = makeStudyDicom({ size: 96 });
  if (alsoIn) await alsoIn.upload(dicom.bytes);
  const form = new FormData();
  form.append("files", new Blob([Buffer.from(dicom.bytes)], { type: "application/dicom" }), "pacs.dcm");
  const { results } = await json<{ results: { studyId: string }[] }>(
    await session.fetch("/api/v1/studies", { method: "POST", body: form }),
  );
  const studyId = results[0]!.studyId;
  await waitFor(
    "prediction",
    UNTIL_MS,
    async () => (await json<{ studyStatus: string }>(await session.fetch(`/api/v1/studies/${studyId}/review`))).studyStatus === "predicted",
  );
  await json(await post(`/api/v1/studies/${studyId}/review`, {}));
  await json(
    await patch(`/api/v1/studies/${studyId}/review`, {
      version: 1,
      operations: [{ op: "add", box: [8, 10, 40, 44], className: "Nodule/Mass" }],
    }),
  );
  await json(await post(`/api/v1/studies/${studyId}/review/sign-off`, { version: 2, impression: "abnormal" }));
  return { studyId, studyUid: dicom.uids.study };
}

beforeAll(async () => {
  if (!orthancAvailable()) return;
  [pacs, lockedPacs] = await Promise.all([startOrthanc(), startOrthanc({ users: { cxr: "right-password" } })]);
  server = await startProdServer();
  const dbFile = path.join(server.dataDir, "cxr-review.db");
  addPushDestination(dbFile, { dicomwebUrl: pacs.dicomWebUrl });
  addPushDestination(dbFile, { dicomwebUrl: lockedPacs.dicomWebUrl, username: "cxr", password: "wrong-password" });
  session = await signIn(server.url, FAULT_ADMIN.email, FAULT_ADMIN.password);
});
afterAll(async () => {
  await server?.stop();
  await Promise.all([pacs?.stop(), lockedPacs?.stop()]);
});

test.skipIf(!orthancAvailable())(
  "PACS down during sign-offs and the web process killed meanwhile: every study's SR + GSPS arrive once the PACS is back",
  async () => {
    await pacs.kill();
    const studies = [];
    for (let i = 0; i < 3; i++) studies.push(await signOffNewStudy());
    for (const s of studies) {
      const down = await waitFor("a failed first try", UNTIL_MS, async () =>
        (await pushes(s.studyId)).find((p) => p.state === "retrying" && /unreachable|no answer/.test(p.error ?? "")),
      );
      expect(down.attempts).toBeGreaterThanOrEqual(1);
    }
    await server.kill9(); // the retries live in the database, not in the dead process
    await server.restart();
    session = await signIn(server.url, FAULT_ADMIN.email, FAULT_ADMIN.password);
    const back = Date.now();
    await pacs.start();
    for (const s of studies) await waitFor("sent", UNTIL_MS, async () => (await pushes(s.studyId)).find((p) => p.state === "sent"));
    recordFigure({
      scenario: "PACS down, web kill -9",
      figure: "PACS back → 3 studies' results sent (s)",
      value: ((Date.now() - back) / 1000).toFixed(1),
      target: "retry backoff",
    });
    for (const s of studies) {
      const held = await orthancStudyInstances(pacs, s.studyUid);
      expect(held.map((i) => i.sopClassUid).sort()).toEqual(["1.2.840.10008.5.1.4.1.1.11.1", "1.2.840.10008.5.1.4.1.1.88.33"]);
    }
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);
  },
);

test.skipIf(!orthancAvailable())(
  "wrong credentials: the push fails for good with the reason on the study, the server stays up",
  async () => {
    const { studyId } = await signOffNewStudy(lockedPacs);
    const failed = await waitFor("a failed push", UNTIL_MS, async () => (await pushes(studyId)).find((p) => p.state === "failed"));
    expect(failed.error).toMatch(/refused our credentials \(HTTP 401\)/);
    // Permanent: not retried. The first retry would come 2 s after a transient failure; nothing happens after 3 s.
    await new Promise((r) => setTimeout(r, 3000));
    expect((await pushes(studyId)).find((p) => p.connection.name === failed.connection.name)).toMatchObject({
      state: "failed",
      attempts: 1,
    });
    const study = await json<{ pacsPushes: Push[] }>(await session.fetch(`/api/v1/studies/${studyId}`));
    expect(study.pacsPushes.map((p) => p.state).sort()).toEqual(["failed", "sent"]);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  },
);
