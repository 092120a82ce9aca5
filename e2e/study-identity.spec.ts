import { expect, test, type APIRequestContext } from "@playwright/test";
import type { AssignmentDto } from "../lib/schemas/assignment";
import type { StudyDetail } from "../lib/schemas/study";
import { SignInPage } from "./pages/sign-in-page";
import { TasksPage } from "./pages/tasks-page";
import { ViewerPage } from "./pages/viewer-page";
import { E2E_ADMIN } from "./support/accounts";
import { newUser } from "./support/ai-study";
import { signedInContext } from "./support/api-session";
import { chestPng, syntheticDicom } from "./support/fixtures";

async function upload(admin: APIRequestContext, file: { name: string; mimeType: string; buffer: Buffer }): Promise<string> {
  const up = await admin.post("/api/v1/studies", { multipart: { files: file } });
  expect(up.status(), await up.text()).toBe(201);
  return ((await up.json()) as { results: { studyId: string }[] }).results[0]!.studyId;
}

test("One study name everywhere, the pseudonym for annotators; a PNG upload has an unknown study date", async ({ page, baseURL }) => {
  const admin = await signedInContext(baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
  const accession = `ID${Date.now() % 1e10}`;
  const dicomId = await upload(admin, syntheticDicom({ accessionNumber: accession, patientId: "PID-IDENT" }, "identity.dcm"));
  const pngId = await upload(admin, chestPng("identity.png"));
  const png = (await (await admin.get(`/api/v1/studies/${pngId}`)).json()) as StudyDetail;
  expect(png.study.studyDate).toBeNull(); // no invented date for a raster
  expect(png.study.displayName).toMatch(/date unknown/);

  // The worklist links each study by its display name and shows the PNG's date as "unknown".
  await new SignInPage(page).signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  const row = (id: string) => page.getByTestId("worklist-row").filter({ has: page.locator(`a[href^="/studies/${id}"]`) });
  await expect(row(dicomId).getByTestId("open-study")).toHaveText(accession);
  await expect(row(pngId).getByTestId("open-study")).toHaveText(png.study.displayName);
  await expect(row(pngId).getByTestId("study-date")).toHaveText("unknown");

  // A reader's double-read task carries the same name as the worklist; the viewer names the study the same way.
  const rad = await newUser(admin, "radiologist", "identity-reader");
  const rad2 = await newUser(admin, "radiologist", "identity-reader-b");
  expect(
    (
      await admin.post("/api/v1/assignments", { data: { kind: "double_read", studyIds: [dicomId], assigneeIds: [rad.id, rad2.id] } })
    ).status(),
  ).toBe(201);
  const readerApi = await signedInContext(baseURL!, rad.email, rad.password);
  const mine = (await (await readerApi.get(`/api/v1/assignments?mine=1&studyId=${dicomId}`)).json()) as { assignments: AssignmentDto[] };
  expect(mine.assignments.map((a) => a.study.displayName)).toEqual([accession]);
  const viewer = new ViewerPage(page);
  await viewer.open(dicomId);
  await expect(page.getByTestId("study-name")).toHaveText(accession);

  // An annotator meets the pseudonym on the task queue and in the viewer, never the accession.
  const annotator = await newUser(admin, "annotator", "identity-annotator");
  expect(
    (await admin.post("/api/v1/assignments", { data: { kind: "annotate", studyIds: [dicomId], assigneeId: annotator.id } })).status(),
  ).toBe(201);
  const pseudonym = ((await (await admin.get(`/api/v1/studies/${dicomId}`)).json()) as StudyDetail).study.pseudonym;
  await page.context().clearCookies();
  await new SignInPage(page).signIn(annotator.email, annotator.password);
  const tasks = new TasksPage(page);
  await tasks.open();
  await expect(tasks.row(dicomId).getByTestId("task-study-name")).toHaveText(pseudonym);
  await tasks.openTask(dicomId);
  await expect(page.getByTestId("study-name")).toHaveText(pseudonym);
  await expect(page.getByText(accession)).toHaveCount(0);
});

test("The viewer learns of the prediction over its event stream and says what the AI did", async ({ page, baseURL }) => {
  const admin = await signedInContext(baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
  await new SignInPage(page).signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  const studyId = await upload(admin, syntheticDicom({ size: 128 }, "live-status.dcm"));
  // Opened at once: the page shows whatever state it finds and follows the stream until the prediction has landed.
  await new ViewerPage(page).open(studyId);
  const status = page.getByTestId("ai-status");
  await expect(status).toHaveAttribute("data-live", "true");
  await expect(status).not.toHaveAttribute("data-kind", "pending", { timeout: 60_000 });
  const kind = await status.getAttribute("data-kind");
  expect(["nothing", "shown", "hidden", "failed"]).toContain(kind);
  if (kind === "nothing") await expect(status).toHaveText("AI found nothing on this study.");
  if (kind === "hidden") await expect(status).toContainText(`${await status.getAttribute("data-hidden")} hidden by filters`);
  // The stream itself: an `ai` event with the study's state, as text/event-stream.
  const first = await page.evaluate(async (url) => {
    const ctl = new AbortController();
    const res = await fetch(url, { signal: ctl.signal });
    const chunk = await res.body!.getReader().read();
    ctl.abort();
    return { type: res.headers.get("content-type"), text: new TextDecoder().decode(chunk.value) };
  }, `/api/v1/studies/${studyId}/events`);
  expect(first.type).toContain("text/event-stream");
  expect(first.text).toMatch(/^event: ai\ndata: \{"studyId":/);
  // Hiding every class of AI suggestion turns a "shown" result into "N hidden by filters".
  if (kind === "shown") {
    for (const toggle of await page.locator('[data-testid^="class-toggle-"]').all()) await toggle.uncheck();
    await expect(status).toHaveAttribute("data-kind", "hidden");
  }
});
