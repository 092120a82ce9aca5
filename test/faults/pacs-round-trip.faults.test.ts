// The whole hospital round trip through the production server, with a real Orthanc and DCMTK as the modality:
// storescu → Orthanc → the app's auto-pull → AI boxes → a radiologist accepts / edits / adds and signs off → Orthanc holds
// the SR and the GSPS in the same study, and dciodvfy + dsrdump find no error in what Orthanc holds.
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { DCIODVFY_MISSING, dciodvfy, dciodvfyAvailable, dsrdump } from "@/lib/dicom/testing/dciodvfy";
import { makeChestDxStudy } from "@/lib/pacs/testing/pacs-fixtures";
import { dcmtkAvailable, ORTHANC_MISSING, orthancAvailable, startOrthanc, type Orthanc } from "@/lib/pacs/testing/orthanc";
import { orthancFile, orthancStudyInstances } from "@/lib/pacs/testing/orthanc-study";
import { storescu } from "@/lib/pacs/testing/storescu";
import { recordFigure } from "./support/figures";
import { FAULT_ADMIN, startProdServer, type ProdServer } from "./support/prod-server";
import { signIn, type Session } from "./support/session";
import { waitFor } from "./support/wait-for";

const available = orthancAvailable() && dcmtkAvailable() && dciodvfyAvailable();
if (!available && process.env.CI) throw new Error(`${ORTHANC_MISSING}; ${DCIODVFY_MISSING}; DCMTK too`);
if (!available) console.warn(`SKIPPED: ${ORTHANC_MISSING}; ${DCIODVFY_MISSING}; DCMTK too`);

const GSPS = "1.2.840.10008.5.1.4.1.1.11.1";
const SR = "1.2.840.10008.5.1.4.1.1.88.33";
const READER = { email: "round-trip-reader@local.test", name: "Round Trip Reader", password: "round-trip-reader-pw" };

type Finding = { id: string; box: [number, number, number, number] };
type StudyReview = { review: { version: number } | null; findings: Finding[] };
type Saved = { review: { version: number } };

const UNTIL_MS = 90_000;
const json = async <T>(res: Response | Promise<Response>): Promise<T> => {
  const r = await res;
  if (!r.ok) throw new Error(`${r.url}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
};
const send = (s: Session, method: string, p: string, body: unknown) =>
  s.fetch(p, { method, body: JSON.stringify(body), headers: { "content-type": "application/json" } });

describe.skipIf(!available)("PACS round trip", () => {
  let orthanc: Orthanc;
  let server: ProdServer;
  let admin: Session;
  let reader: Session;

  beforeAll(async () => {
    orthanc = await startOrthanc({ users: { app: "round-trip-pw" } });
    server = await startProdServer();
    admin = await signIn(server.url, FAULT_ADMIN.email, FAULT_ADMIN.password);
    await json(send(admin, "POST", "/api/v1/users", { ...READER, role: "radiologist" }));
    await json(
      send(admin, "POST", "/api/v1/pacs/connections", {
        ...{ name: "orthanc", dicomwebUrl: orthanc.dicomWebUrl, authType: "basic", username: "app", secret: "round-trip-pw" },
        ...{
          aeTitle: orthanc.aeTitle,
          host: "127.0.0.1",
          port: orthanc.dicomPort,
          autoPull: true,
          pushResults: true,
          pushProtocol: "stow",
        },
      }),
    );
    reader = await signIn(server.url, READER.email, READER.password);
  });
  afterAll(async () => {
    await server?.stop();
    await orthanc?.stop();
  });

  test("storescu → Orthanc → auto-pull → AI → reader signs off → SR + GSPS in the same Orthanc study, valid", async () => {
    const accession = `RT-${Date.now()}`;
    const study = makeChestDxStudy({ patientId: "RT-PATIENT", accessionNumber: accession });
    const t0 = Date.now();
    await storescu({ port: orthanc.dicomPort, calledAeTitle: orthanc.aeTitle, propose: study.real ? "-xy" : undefined }, study.files);

    // Auto-pull brings it in and the worker predicts it: no one uploads anything.
    const item = await waitFor("the study predicted on the worklist", UNTIL_MS, async () => {
      const { items } = await json<{ items: { id: string; status: string; accessionNumber: string | null }[] }>(
        reader.fetch(`/api/v1/studies?q=${accession}`),
      );
      return items.find((i) => i.accessionNumber === accession && i.status === "predicted");
    });
    const pulledS = (Date.now() - t0) / 1000;

    // The reader decides: accept or edit the AI's boxes where it has any, and adds a missed finding.
    await json(send(reader, "POST", `/api/v1/studies/${item.id}/review`, {}));
    const state = await json<StudyReview>(reader.fetch(`/api/v1/studies/${item.id}/review`));
    const [first, second] = state.findings;
    const operations: unknown[] = [{ op: "add", box: [40, 60, 140, 170], className: "Pleural effusion" }];
    if (first) operations.push({ op: "accept", findingId: first.id });
    if (second)
      operations.push({
        op: "edit",
        findingId: second.id,
        box: [second.box[0] + 1, second.box[1] + 1, second.box[2] - 1, second.box[3] - 1],
      });
    const saved = await json<Saved>(
      send(reader, "PATCH", `/api/v1/studies/${item.id}/review`, { version: state.review!.version, operations }),
    );
    await json(
      send(reader, "POST", `/api/v1/studies/${item.id}/review/sign-off`, { version: saved.review.version, impression: "abnormal" }),
    );

    // The durable push job stores both objects back into the PACS, in the same study.
    await waitFor("the push sent", UNTIL_MS, async () => {
      const { pushes } = await json<{ pushes: { state: string }[] }>(reader.fetch(`/api/v1/studies/${item.id}/pacs-pushes`));
      return pushes.length === 1 && pushes[0]!.state === "sent";
    });
    recordFigure({
      scenario: "PACS round trip",
      figure: "storescu → predicted on the worklist (s)",
      value: pulledS.toFixed(1),
      target: "≤ 10 s",
    });
    recordFigure({
      scenario: "PACS round trip",
      figure: "storescu → SR + GSPS held by Orthanc (s, incl. the reader's API calls)",
      value: ((Date.now() - t0) / 1000).toFixed(1),
    });

    const held = await orthancStudyInstances(orthanc, study.studyInstanceUid);
    const sr = held.find((i) => i.sopClassUid === SR);
    const gsps = held.find((i) => i.sopClassUid === GSPS);
    expect(sr && gsps, `Orthanc holds ${held.map((i) => i.sopClassUid).join(", ")}`).toBeTruthy();
    for (const obj of [sr!, gsps!]) {
      const report = dciodvfy(await orthancFile(orthanc, obj.id));
      expect(report.errors, `dciodvfy on ${obj.sopClassUid}`).toEqual([]);
    }
    const dump = dsrdump(await orthancFile(orthanc, sr!.id));
    expect(dump.status).toBe(0);
    expect(dump.errors).toEqual([]);
    expect(dump.out).toContain("Pleural effusion");
  });
});
