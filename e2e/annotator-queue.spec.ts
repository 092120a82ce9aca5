import fs from "node:fs";
import { expect, test } from "@playwright/test";
import type { AssignmentDto } from "../lib/schemas/assignment";
import type { LabelRevisionDto, StudyReviewDto } from "../lib/schemas/review";
import { ReviewPage } from "./pages/review-page";
import { SignInPage } from "./pages/sign-in-page";
import { TasksPage } from "./pages/tasks-page";
import { E2E_ADMIN } from "./support/accounts";
import { newUser, NIH, uploadStudyWithAiBoxes } from "./support/ai-study";
import { signedInContext } from "./support/api-session";
import { syntheticDicom } from "./support/fixtures";

test("An annotator corrects a box from the queue", async ({ page, baseURL }) => {
  test.skip(!fs.existsSync(NIH), `shared data absent (${NIH}): this test needs real NIH images for the AI to find boxes`);
  test.setTimeout(180_000);
  const admin = await signedInContext(baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
  const studyId = await uploadStudyWithAiBoxes(admin, 1);
  test.skip(!studyId, "the bundled model finds no box on any shared NIH image");
  const annotator = await newUser(admin, "annotator", "queue-annotator");

  // The admin assigns the study.
  const assigned = await admin.post("/api/v1/assignments", { data: { kind: "annotate", studyIds: [studyId], assigneeId: annotator.id } });
  expect(assigned.status()).toBe(201);
  const [task] = ((await assigned.json()) as { created: AssignmentDto[] }).created;
  expect(task).toMatchObject({ studyId, reason: "admin", status: "open" });

  // The annotator finds it in the queue, with its reason, and opens the viewer configured for annotation.
  await new SignInPage(page).signIn(annotator.email, annotator.password);
  await page.getByRole("link", { name: "Tasks" }).click();
  const tasks = new TasksPage(page);
  await expect(tasks.row(studyId!)).toBeVisible();
  await expect(tasks.row(studyId!).getByTestId("reason-chip")).toHaveAttribute("data-reason", "admin");
  await tasks.openTask(studyId!);
  const review = new ReviewPage(page);
  await expect(page.getByTestId("review-purpose")).toHaveAttribute("data-purpose", "annotation");
  await expect(page.getByTestId("sign-off")).toHaveCount(0); // annotation is completed as a task, never signed off

  // Class editing first: selecting a box shows its class picker at once; reclass it, then resize it.
  const key = await review.selectNext();
  await review.saving(async () => void (await page.getByTestId("class-select").selectOption("Pleural effusion")));
  await expect(review.box(key)).toHaveAttribute("data-status", "edited");
  await review.blur();
  await review.press("e");
  const before = await review.rectOf(key);
  await review.saving(() => review.dragHandle(key, "x2-y2", -Math.min(15, before.width / 3), -Math.min(10, before.height / 3)));

  await page.getByTestId("complete-task").click();
  // The summary says what goes into the label before the task is done; undecided suggestions are left out here.
  await expect(page.getByTestId("complete-task-kept")).toContainText("1 edited");
  await page.getByTestId("complete-task-confirm").click();
  await expect(page.getByTestId("task-completed-banner")).toBeVisible();
  await expect(page.getByTestId("complete-task")).toHaveCount(0);

  // Stored: the label revisions, authored by the annotator, and the task is done.
  const state = (await (await page.request.get(`/api/v1/studies/${studyId}/review`)).json()) as StudyReviewDto;
  expect(state.review).toMatchObject({ purpose: "annotation", status: "completed", role: "annotator" });
  const label = state.review!.labels.find((l) => l.originFindingId === key.slice(2))!;
  expect(label).toMatchObject({ className: "Pleural effusion", source: "ai_edited" });
  expect(label.box[2] - label.box[0]).toBeLessThan(label.origin!.box[2] - label.origin!.box[0]);
  const history = (await (await page.request.get(`/api/v1/reviews/${state.review!.id}/history`)).json()) as {
    revisions: LabelRevisionDto[];
  };
  expect(history.revisions.map((r) => [r.change, r.className, r.author.email])).toEqual([
    ["edit", "Pleural effusion", annotator.email],
    ["edit", "Pleural effusion", annotator.email],
  ]);
  const done = (await (await admin.get(`/api/v1/assignments?status=done&studyId=${studyId}`)).json()) as { assignments: AssignmentDto[] };
  expect(done.assignments).toEqual([
    expect.objectContaining({ id: task!.id, status: "done", assignee: expect.objectContaining({ email: annotator.email }) }),
  ]);
  await tasks.open();
  await expect(page.getByTestId("task-table").or(page.getByTestId("no-tasks"))).toBeVisible();
  await expect(tasks.row(studyId!)).toHaveCount(0); // done tasks leave the queue (automatic ones may have arrived meanwhile)
});

test("An annotator cannot upload, and completes an assigned study opened from the worklist", async ({ page, baseURL }) => {
  const admin = await signedInContext(baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
  const up = await admin.post("/api/v1/studies", { multipart: { files: syntheticDicom({ size: 128 }, "annotate-from-worklist.dcm") } });
  expect(up.status()).toBe(201);
  const studyId = ((await up.json()) as { results: { studyId: string }[] }).results[0]!.studyId;
  const annotator = await newUser(admin, "annotator", "worklist-annotator");
  const assigned = await admin.post("/api/v1/assignments", { data: { kind: "annotate", studyIds: [studyId], assigneeId: annotator.id } });
  const [task] = ((await assigned.json()) as { created: AssignmentDto[] }).created;

  // Upload is for readers and admins: no link, and the page itself is refused.
  await new SignInPage(page).signIn(annotator.email, annotator.password);
  await expect(page.getByTestId("home")).toBeVisible();
  await expect(page.getByRole("link", { name: /^Upload/ })).toHaveCount(0);
  expect((await page.goto("/upload"))?.status()).toBe(403);
  await expect(page.getByTestId("forbidden-page")).toBeVisible();

  // Opened straight from the worklist (no ?task=), the study still offers its open task's Complete button.
  await page.goto(`/studies/${studyId}`);
  await expect(page.getByTestId("review-purpose")).toHaveAttribute("data-purpose", "annotation");
  await page.getByTestId("complete-task").click();
  await page.getByTestId("complete-task-confirm").click();
  await expect(page.getByTestId("task-completed-banner")).toBeVisible();
  const mine = (await (await page.request.get(`/api/v1/assignments?mine=1&status=done&studyId=${studyId}`)).json()) as {
    assignments: AssignmentDto[];
  };
  expect(mine.assignments.map((a) => [a.id, a.status])).toEqual([[task!.id, "done"]]);
});
