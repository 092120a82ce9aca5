import fs from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { AssignmentDto } from "../lib/schemas/assignment";
import type { StudyReviewDto } from "../lib/schemas/review";
import { ReviewPage } from "./pages/review-page";
import { SignInPage } from "./pages/sign-in-page";
import { TasksPage } from "./pages/tasks-page";
import { E2E_ADMIN } from "./support/accounts";
import { newUser, NIH, uploadStudyWithAiBoxes } from "./support/ai-study";
import { signedInContext } from "./support/api-session";

// One autosave batch at the review's current version; returns the new version.
async function save(reader: APIRequestContext, studyId: string, version: number, operations: unknown[]): Promise<number> {
  const res = await reader.patch(`/api/v1/studies/${studyId}/review`, { data: { version, operations } });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { review: { version: number } }).review.version;
}

async function reviewOf(reader: APIRequestContext, studyId: string): Promise<StudyReviewDto> {
  return (await (await reader.get(`/api/v1/studies/${studyId}/review`)).json()) as StudyReviewDto;
}

test("The review timeline shows each kind of change, per study and per box, with the model version", async ({ page, baseURL }) => {
  test.skip(!fs.existsSync(NIH), `shared data absent (${NIH}): this test needs real NIH images for the AI to find boxes`);
  test.setTimeout(180_000);
  const admin = await signedInContext(baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
  const studyId = await uploadStudyWithAiBoxes(admin, 2);
  test.skip(!studyId, "the bundled model finds two boxes on no shared NIH image");
  const rad = await newUser(admin, "radiologist", "history-reader");
  const reader = await signedInContext(baseURL!, rad.email, rad.password);
  const state = await reviewOf(reader, studyId!);
  const [f1, f2] = state.findings;
  const model = `${state.modelVersion!.name} ${state.modelVersion!.version}`;

  // accept, edit (class), reject with a reason, add; then delete and restore the added box; then sign off.
  let v = await save(reader, studyId!, 0, [
    { op: "accept", findingId: f1!.id },
    { op: "edit", findingId: f1!.id, className: "Pleural effusion" },
    { op: "reject", findingId: f2!.id, reason: "rib crossing" },
    { op: "add", box: [10, 10, 60, 60], className: "Atelectasis" },
  ]);
  const added = (await reviewOf(reader, studyId!)).review!.labels.find((l) => l.source === "reader_added")!;
  v = await save(reader, studyId!, v, [{ op: "delete", labelId: added.id }]);
  v = await save(reader, studyId!, v, [{ op: "restore", labelId: added.id }]);
  const signed = await reader.post(`/api/v1/studies/${studyId}/review/sign-off`, { data: { version: v, impression: "abnormal" } });
  expect(signed.status()).toBe(200);

  await new SignInPage(page).signIn(rad.email, rad.password);
  const review = new ReviewPage(page);
  await review.open(studyId!);
  const history = page.getByTestId("review-history");
  await history.locator("summary").click();
  const entries = page.getByTestId("history-entry");
  for (const kind of ["started", "accept", "edit", "reject", "add", "delete", "restore", "signed_off"]) {
    await expect(entries.and(page.locator(`[data-kind="${kind}"]`)), kind).toHaveCount(1);
  }
  const rejected = entries.and(page.locator('[data-kind="reject"]'));
  await expect(rejected).toContainText("reason: rib crossing");
  await expect(rejected).toContainText(rad.email);
  await expect(rejected).toContainText(`AI ${model}`);
  await expect(entries.and(page.locator('[data-kind="edit"]'))).toContainText(`→ Pleural effusion`);
  await expect(entries.and(page.locator('[data-kind="add"]'))).not.toContainText("AI "); // the reader's own box has no model
  // Newest first: the sign-off leads, the start closes the list.
  await expect(entries.first()).toHaveAttribute("data-kind", "signed_off");
  await expect(entries.last()).toHaveAttribute("data-kind", "started");
  await page.screenshot({ path: test.info().outputPath("review-history.png") }); // kept as a test artefact

  // Per box: selecting the rejected suggestion narrows the timeline to it.
  await review.row(`f:${f2!.id}`).click();
  await expect(page.getByTestId("history-list")).toHaveAttribute("data-scope", "box");
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toHaveAttribute("data-kind", "reject");
  await page.getByTestId("history-scope-box").uncheck();
  await expect(entries).toHaveCount(8);
});

test("An annotation task shows the reader's rejected and added boxes, and Complete task asks about undecided suggestions", async ({
  page,
  baseURL,
}) => {
  test.skip(!fs.existsSync(NIH), `shared data absent (${NIH}): this test needs real NIH images for the AI to find boxes`);
  test.setTimeout(180_000);
  const admin = await signedInContext(baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
  const studyId = await uploadStudyWithAiBoxes(admin, 2);
  test.skip(!studyId, "the bundled model finds two boxes on no shared NIH image");
  const rad = await newUser(admin, "radiologist", "decisions-reader");
  const reader = await signedInContext(baseURL!, rad.email, rad.password);
  const { findings, modelVersion } = await reviewOf(reader, studyId!);
  const [f1, ...rest] = findings; // highest confidence first
  // Only the suggestions the display thresholds show are offered for a bulk accept.
  const undecided = rest.filter(
    (f) => f.confidence >= (modelVersion!.thresholds.perClass[f.className] ?? modelVersion!.thresholds.confidence),
  );
  const v = await save(reader, studyId!, 0, [
    { op: "reject", findingId: f1!.id, reason: "overlapping scapula" },
    { op: "add", box: [20, 20, 90, 90], className: "Atelectasis" },
  ]);
  expect((await reader.post(`/api/v1/studies/${studyId}/review/sign-off`, { data: { version: v, impression: "abnormal" } })).status()).toBe(
    200,
  );

  const annotator = await newUser(admin, "annotator", "decisions-annotator");
  const assigned = await admin.post("/api/v1/assignments", { data: { kind: "annotate", studyIds: [studyId], assigneeId: annotator.id } });
  expect(assigned.status()).toBe(201);
  // Another annotator (no task on the study) is refused the reader's decisions.
  const other = await newUser(admin, "annotator", "decisions-outsider");
  expect(
    (await (await signedInContext(baseURL!, other.email, other.password)).get(`/api/v1/studies/${studyId}/reader-decisions`)).status(),
  ).toBe(404);

  await new SignInPage(page).signIn(annotator.email, annotator.password);
  const tasks = new TasksPage(page);
  await tasks.open();
  await tasks.openTask(studyId!);
  const list = page.getByTestId("reader-decisions");
  await expect(list.getByTestId("reader-decision").and(page.locator('[data-decision="rejected"]'))).toContainText(
    "reason: overlapping scapula",
  );
  await expect(list.getByTestId("reader-decision").and(page.locator('[data-decision="added"]'))).toContainText("Atelectasis");
  const layer = page.getByTestId("reader-decisions-layer");
  await expect(layer.locator('[data-decision="rejected"]')).toHaveCount(1);
  await expect(layer.locator('[data-decision="added"]')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath("annotation-reference-layer.png") }); // kept as a test artefact
  await page.getByTestId("reader-decisions-toggle").click();
  await expect(layer).toHaveCount(0);

  // The annotator agrees with the reader's rejection via the AI box; the rest stays undecided until Complete asks.
  const review = new ReviewPage(page);
  await review.row(`f:${f1!.id}`).click();
  await review.blur();
  await review.saving(() => review.press("r"));
  await page.getByTestId("complete-task").click();
  const dialog = page.getByTestId("complete-task-dialog");
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId("complete-task-undecided")).toHaveAttribute("data-count", String(undecided.length));
  await expect(dialog).toContainText("1 rejected AI suggestion(s) are left out");
  await page.keyboard.press("Escape"); // Esc closes the summary without completing
  await expect(dialog).toHaveCount(0);
  await page.getByTestId("complete-task").click();
  await page.getByTestId("complete-task-accept-undecided").click();
  await expect(page.getByTestId("task-completed-banner")).toBeVisible();

  const after = (await (await page.request.get(`/api/v1/studies/${studyId}/review`)).json()) as StudyReviewDto;
  expect(after.review).toMatchObject({ purpose: "annotation", status: "completed" });
  const kept = after
    .review!.labels.filter((l) => !l.rejected && !l.deleted)
    .map((l) => l.originFindingId)
    .sort();
  expect(kept).toEqual(undecided.map((f) => f.id).sort());
  const done = (await (await admin.get(`/api/v1/assignments?status=done&studyId=${studyId}`)).json()) as { assignments: AssignmentDto[] };
  expect(done.assignments.map((a) => a.assignee.email)).toContain(annotator.email);
});
