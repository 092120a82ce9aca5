import path from "node:path";
import { expect, test } from "@playwright/test";
import { COMPREHENSIVE_SR_SOP_CLASS } from "@/lib/sr/write-measurement-report";
import { GSPS_SOP_CLASS } from "@/lib/gsps/write-presentation-state";
import { ORTHANC_MISSING, orthancAvailable, startOrthanc, type Orthanc } from "@/lib/pacs/testing/orthanc";
import { orthancStudyInstances } from "@/lib/pacs/testing/orthanc-study";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";
import { E2E_ADMIN } from "./support/accounts";
import { signedInContext } from "./support/api-session";
import { addPushDestination, removePushDestination } from "@/lib/pacs/testing/sqlite-push-destination";
import { PacsPushPanel } from "./pages/pacs-push-panel";
import { ReviewPage } from "./pages/review-page";
import { SignInPage } from "./pages/sign-in-page";

// A real Orthanc as the results destination: the reader signs off in the UI and watches the push reach "sent".
if (!orthancAvailable() && process.env.CI) throw new Error(ORTHANC_MISSING);
test.skip(!orthancAvailable(), ORTHANC_MISSING);

const DB_FILE = path.resolve(".data/e2e/cxr-review.db"); // playwright.config.ts: DATA_DIR=.data/e2e
let orthanc: Orthanc;
let destination: { id: string; name: string };
test.beforeAll(async () => {
  orthanc = await startOrthanc();
  destination = addPushDestination(DB_FILE, { dicomwebUrl: orthanc.dicomWebUrl });
});
test.afterAll(async () => {
  if (destination) removePushDestination(DB_FILE, destination.id);
  await orthanc?.stop();
});

test("sign-off sends the SR and GSPS to the PACS; the study page shows the push reaching 'sent', and Send to PACS re-sends", async ({
  baseURL,
  page,
}) => {
  const admin = await signedInContext(baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
  const { bytes } = makeStudyDicom({ size: 128 });
  await orthanc.upload(bytes); // the PACS already holds the image the app reads
  const up = await admin.post("/api/v1/studies", {
    multipart: { files: { name: "pacs.dcm", mimeType: "application/dicom", buffer: Buffer.from(bytes) } },
  });
  const studyId = (await up.json()).results[0].studyId as string;
  await expect
    .poll(async () => (await (await admin.get(`/api/v1/studies/${studyId}/review`)).json()).studyStatus, { timeout: 60_000 })
    .toBe("predicted");

  await new SignInPage(page).signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  const review = new ReviewPage(page);
  await review.open(studyId);
  await review.saving(() => review.addBox([0.3, 0.3], [0.5, 0.5], "Nodule/Mass"));
  await review.signOff("abnormal");

  const panel = new PacsPushPanel(page);
  await panel.expectState(destination.name, "sent", "sign_off");
  await expect(panel.row(destination.name)).toContainText("STOW-RS HTTP 200: 2 stored");
  const study = (await (await admin.get(`/api/v1/studies/${studyId}`)).json()) as {
    pacsPushes: { state: string; connection: { name: string } }[];
    instances: { sopInstanceUid?: string }[];
  };
  expect(study.pacsPushes).toEqual([
    expect.objectContaining({ state: "sent", connection: expect.objectContaining({ name: destination.name }) }),
  ]);
  const uid = (await (await admin.get(`/api/v1/studies/${studyId}/pacs-pushes`)).json()).pushes[0].objects[0].sopInstanceUid as string;
  expect(uid).toMatch(/^2\.25\./);

  // Orthanc files both objects under the study it already had.
  const dicomStudyUid = (await orthanc.rest<Array<{ MainDicomTags: { StudyInstanceUID: string } }>>("/studies?expand"))[0]!.MainDicomTags
    .StudyInstanceUID;
  const classes = (await orthancStudyInstances(orthanc, dicomStudyUid)).map((i) => i.sopClassUid);
  expect(classes).toEqual(expect.arrayContaining([COMPREHENSIVE_SR_SOP_CLASS, GSPS_SOP_CLASS]));
  expect(classes).toHaveLength(3);

  // Re-send on demand: queued again, then sent (the PACS keeps one copy of each object).
  const [resent] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/pacs-pushes") && r.request().method() === "POST"),
    panel.sendButton.click(),
  ]);
  expect(resent.status()).toBe(202);
  await panel.expectState(destination.name, "sent", "manual"); // the re-send's own row, not the first push's
  expect((await (await admin.get(`/api/v1/studies/${studyId}/pacs-pushes`)).json()).pushes[0]).toMatchObject({
    trigger: "manual",
    state: "sent",
  });
  expect(await orthancStudyInstances(orthanc, dicomStudyUid)).toHaveLength(3);
});
