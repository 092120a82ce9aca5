import { expect, test } from "@playwright/test";
import type { LabelRevisionDto, StudyReviewDto } from "../lib/schemas/review";
import { ReviewPage } from "./pages/review-page";
import { SignInPage } from "./pages/sign-in-page";
import { TasksPage } from "./pages/tasks-page";
import { E2E_ADMIN } from "./support/accounts";
import { newUser } from "./support/ai-study";
import { signedInContext } from "./support/api-session";
import { syntheticDicom } from "./support/fixtures";

test("a double read: two independent readers, the agreement view, and a fused consensus", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const admin = await signedInContext(baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
  const up = await admin.post("/api/v1/studies", { multipart: { files: syntheticDicom({ size: 256 }, "double-read.dcm") } });
  expect(up.ok(), await up.text()).toBeTruthy();
  const studyId = (await up.json()).results[0].studyId as string;
  await expect
    .poll(async () => ((await (await admin.get(`/api/v1/studies/${studyId}/review`)).json()) as StudyReviewDto).studyStatus, {
      timeout: 60_000,
    })
    .not.toBe("new");
  const [a, b] = [await newUser(admin, "radiologist", "reader-a"), await newUser(admin, "radiologist", "reader-b")];
  expect(
    (await admin.post("/api/v1/assignments", { data: { kind: "double_read", studyIds: [studyId], assigneeIds: [a.id, b.id] } })).status(),
  ).toBe(201);

  // Reader A reads through the API: one cardiomegaly box, signed off.
  const readerA = await signedInContext(baseURL!, a.email, a.password);
  const url = `/api/v1/studies/${studyId}/review`;
  expect(
    (
      await readerA.patch(`${url}?purpose=double_read`, {
        data: { version: 0, operations: [{ op: "add", box: [60, 80, 200, 200], className: "Cardiomegaly" }] },
      })
    ).status(),
  ).toBe(200);
  expect((await readerA.post(`${url}/sign-off?purpose=double_read`, { data: { version: 1, impression: "abnormal" } })).status()).toBe(200);

  // Reader B opens the task: a double read that does not show A's box; B draws a nodule and signs off.
  await new SignInPage(page).signIn(b.email, b.password);
  const tasks = new TasksPage(page);
  await tasks.open();
  await expect(tasks.row(studyId)).toContainText("Double read");
  await tasks.openTask(studyId);
  await expect(page.getByTestId("review-purpose")).toHaveAttribute("data-purpose", "double_read");
  const review = new ReviewPage(page);
  await expect(review.readerBoxes).toHaveCount(0);
  await review.saving(() => review.addBox([0.3, 0.3], [0.45, 0.45], "Nodule/Mass"));
  await expect(review.readerBoxes).toHaveCount(1);
  await review.signOff("abnormal");
  const bReviewId = (await page.getByTestId("review-workspace").getAttribute("data-review-id"))!;
  expect((await readerA.get(`/api/v1/reviews/${bReviewId}/history`)).status()).toBe(404); // A cannot read B's labels
  await tasks.open();
  await expect(page.getByTestId("no-tasks")).toBeVisible(); // signing off completed the double-read task

  // The admin sees the agreement: different classes, so nothing matched; one box each.
  await page.context().clearCookies();
  await new SignInPage(page).signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  await page.getByRole("link", { name: "Agreement" }).click();
  const row = page.locator(`[data-testid="agreement-study-row"][data-study-id="${studyId}"]`);
  await expect(row).toHaveAttribute("data-state", "complete");
  await expect(row).toContainText("0 / 1 / 1");
  await expect(row).toContainText(a.email);
  await expect(page.getByTestId("agreement-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.locator('[data-testid="agreement-class-row"][data-class="Cardiomegaly"]')).toBeVisible();
  await expect(page.locator('[data-testid="agreement-class-row"][data-class="Nodule/Mass"]')).toBeVisible();

  // Consensus: fuse, open it in the viewer (no AI suggestions, the fused reader boxes), confirm.
  await row.getByTestId("create-consensus").click();
  await row.getByTestId("open-consensus").click();
  await new ReviewPage(page).viewer.waitForRender(studyId);
  await expect(page.getByTestId("review-purpose")).toHaveAttribute("data-purpose", "consensus");
  await expect(review.readerBoxes).toHaveCount(2);
  await expect(review.aiBoxes).toHaveCount(0);
  await expect(page.getByTestId("impression-abnormal")).toBeChecked(); // fused boxes: abnormal already
  await review.press("s");
  await page.getByTestId("sign-off-confirm").click();
  await expect(page.getByTestId("signed-off-banner")).toBeVisible();

  const consensus = (await (await page.request.get(`${url}?purpose=consensus`)).json()) as StudyReviewDto;
  expect(consensus.review).toMatchObject({ purpose: "consensus", status: "signed_off" });
  expect(consensus.review!.labels.map((l) => l.className).sort()).toEqual(["Cardiomegaly", "Nodule/Mass"]);
  expect(consensus.review!.labels.find((l) => l.className === "Cardiomegaly")!.box).toEqual([60, 80, 200, 200]);
  const history = (await (await page.request.get(`/api/v1/reviews/${consensus.review!.id}/history`)).json()) as {
    revisions: LabelRevisionDto[];
  };
  expect(history.revisions.map((r) => [r.change, r.author.email])).toEqual([
    ["consensus", E2E_ADMIN.email],
    ["consensus", E2E_ADMIN.email],
  ]);
  const done = (await (await page.request.get(`/api/v1/assignments?studyId=${studyId}&status=done`)).json()) as { assignments: unknown[] };
  expect(done.assignments).toHaveLength(2);
});
