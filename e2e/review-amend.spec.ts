import fs from "node:fs";
import { expect, test } from "@playwright/test";
import type { ReviewDto, StudyReviewDto } from "../lib/schemas/review";
import { ReviewPage } from "./pages/review-page";
import { SignInPage } from "./pages/sign-in-page";
import { E2E_ADMIN } from "./support/accounts";
import { signedInContext } from "./support/api-session";
import { NIH, newUser, uploadStudyWithAiBoxes } from "./support/ai-study";

// Review integrity: once a radiologist signed a study's primary read off, a second reader cannot start an empty read
// that would silently become the final one; they amend the signed-off read, starting from its boxes, and it is audited.
test("a signed-off primary read is changed only by an explicit, audited amendment that starts from its boxes", async ({
  page,
  baseURL,
}) => {
  test.skip(!fs.existsSync(NIH), `shared data absent (${NIH}): the AI needs real NIH images to find boxes`);
  test.setTimeout(180_000);
  const admin = await signedInContext(baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
  const studyId = await uploadStudyWithAiBoxes(admin, 1);
  test.skip(!studyId, "the bundled model finds no box on any shared NIH image");
  const url = `/api/v1/studies/${studyId}/review`;

  // The radiologist accepts the first AI box and signs off.
  const rad = await newUser(admin, "radiologist", "amend-rad");
  const radApi = await signedInContext(baseURL!, rad.email, rad.password);
  const { findings } = (await (await radApi.get(url)).json()) as StudyReviewDto;
  expect((await radApi.patch(url, { data: { version: 0, operations: [{ op: "accept", findingId: findings[0]!.id }] } })).status()).toBe(
    200,
  );
  const signOff = await radApi.post(`${url}/sign-off`, { data: { version: 1, impression: "abnormal" } });
  expect(signOff.status()).toBe(200);
  const original = ((await signOff.json()) as { review: ReviewDto }).review;

  // An admin's plain second primary read is refused, started or first-saved.
  for (const res of [await admin.post(url), await admin.patch(url, { data: { version: 0, operations: [] } })]) {
    expect(res.status()).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/amend/);
  }

  // In the UI the admin sees the signed-off read read-only, with "Amend read".
  await new SignInPage(page).signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  const review = new ReviewPage(page);
  await review.open(studyId!);
  await expect(page.getByTestId("amend-banner")).toContainText("amend-rad");
  await expect(page.getByTestId("sign-off")).toHaveCount(0);
  await expect(page.getByTestId("add-box")).toHaveCount(0);

  // Amending opens a read that starts from the signed-off boxes: the accepted AI box is accepted in it.
  await page.getByTestId("amend-read").click();
  await expect(page.getByTestId("amend-banner")).toHaveCount(0);
  const acceptedKey = `f:${findings[0]!.id}`;
  await expect(review.box(acceptedKey)).toHaveAttribute("data-status", "accepted");
  await expect(page.getByTestId("impression-abnormal")).toBeChecked();

  // The admin rejects that box and signs the amendment off as "no finding".
  await page.locator(`[data-testid="finding-row"][data-key="${acceptedKey}"]`).click();
  await review.blur();
  await review.saving(() => review.press("r"));
  await expect(review.box(acceptedKey)).toHaveAttribute("data-status", "rejected");
  await review.signOff("no_finding");

  // The amendment is the admin's round-1 read of the signed-off one; the original is kept as it was; both are audited.
  const mine = (await (await admin.get(url)).json()) as StudyReviewDto;
  expect(mine.review).toMatchObject({ status: "signed_off", impression: "no_finding", round: 1, amendsId: original.id });
  expect(mine.review!.labels.map((l) => ({ originFindingId: l.originFindingId, rejected: l.rejected }))).toEqual([
    { originFindingId: findings[0]!.id, rejected: true },
  ]);
  const theirs = (await (await radApi.get(url)).json()) as StudyReviewDto;
  expect(theirs.review).toMatchObject({ id: original.id, status: "signed_off", impression: "abnormal", version: original.version });
  expect(theirs.amendable).toMatchObject({ reviewId: mine.review!.id, round: 1 }); // the radiologist may amend the amendment in turn
  const audit = await admin.get(`/api/v1/audit?action=review.amendment_started&targetId=${mine.review!.id}`);
  const events = ((await audit.json()) as { events: { actorEmail: string; details: { amends: string } }[] }).events;
  expect(events).toEqual([
    expect.objectContaining({ actorEmail: E2E_ADMIN.email, details: expect.objectContaining({ amends: original.id, round: 1 }) }),
  ]);
});
