import { expect, test, type APIRequestContext, type Locator } from "@playwright/test";
import type { PriorsDto } from "../lib/schemas/prior";
import type { StudyReviewDto } from "../lib/schemas/review";
import { ReviewPage } from "./pages/review-page";
import { SignInPage } from "./pages/sign-in-page";
import { E2E_ADMIN } from "./support/accounts";
import { newUser } from "./support/ai-study";
import { signedInContext } from "./support/api-session";
import { syntheticDicom } from "./support/fixtures";

async function upload(admin: APIRequestContext, file: { name: string; mimeType: string; buffer: Buffer }): Promise<string> {
  const up = await admin.post("/api/v1/studies", { multipart: { files: file } });
  expect(up.status(), await up.text()).toBe(201);
  return ((await up.json()) as { results: { studyId: string }[] }).results[0]!.studyId;
}

// The reader's boxes on a study (a fresh review: version 0), after its prediction has landed so the AI state is settled.
async function addBoxes(reader: APIRequestContext, studyId: string, boxes: [string, [number, number, number, number]][]): Promise<number> {
  await expect
    .poll(async () => ((await (await reader.get(`/api/v1/studies/${studyId}/review`)).json()) as StudyReviewDto).studyStatus, {
      timeout: 60_000,
    })
    .not.toBe("new");
  const res = await reader.patch(`/api/v1/studies/${studyId}/review`, {
    data: { version: 0, operations: boxes.map(([className, box]) => ({ op: "add", className, box })) },
  });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { review: { version: number } }).review.version;
}

const width = async (l: Locator) => (await l.boundingBox())!.width;

test("A prior comparison of a synthetic patient's two studies shows new, persisting and resolved findings", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const admin = await signedInContext(baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
  const patientId = `PRIOR-${Date.now()}`;
  const priorId = await upload(admin, syntheticDicom({ size: 256, patientId, studyDate: "20250110" }, "prior.dcm"));
  const currentId = await upload(admin, syntheticDicom({ size: 256, patientId, studyDate: "20260115" }, "current.dcm"));
  const rad = await newUser(admin, "radiologist", "priors-reader");
  const reader = await signedInContext(baseURL!, rad.email, rad.password);

  // The prior's final read: a nodule and a pleural thickening. The current read keeps the nodule and adds atelectasis.
  const v = await addBoxes(reader, priorId, [
    ["Nodule/Mass", [60, 80, 110, 130]],
    ["Pleural thickening", [150, 180, 200, 220]],
  ]);
  expect((await reader.post(`/api/v1/studies/${priorId}/review/sign-off`, { data: { version: v, impression: "abnormal" } })).status()).toBe(
    200,
  );
  await addBoxes(reader, currentId, [
    ["Nodule/Mass", [64, 84, 112, 132]],
    ["Atelectasis", [150, 40, 200, 80]],
  ]);

  await new SignInPage(page).signIn(rad.email, rad.password);
  await new ReviewPage(page).open(currentId);
  const priors = page.getByTestId("priors");
  await expect(priors.getByTestId("prior-row")).toHaveCount(2); // the current study and its prior, newest first
  await expect(priors.getByTestId("prior-row").first()).toHaveAttribute("data-current", "true");
  const priorRow = priors.locator(`[data-testid="prior-row"][data-study-id="${priorId}"]`);
  await expect(priorRow).toContainText("2025-01-10");
  await priorRow.getByTestId("prior-compare").click();

  const comparison = page.getByTestId("prior-comparison");
  await expect(comparison).toBeVisible();
  for (const side of ["current", "prior"])
    await expect(page.getByTestId(`compare-${side}`).getByTestId("viewport")).toHaveAttribute("data-rendered", "true", { timeout: 30_000 });
  // The bundled model may add its own suggestions on the synthetic film: they are current boxes too, so counts are "at least"
  // (an AI box on the prior's nodule persists with the reader's; matching is per box).
  const entry = (status: string, cls: string) =>
    page.locator(`[data-testid="diff-entry"][data-status="${status}"][data-class="${cls}"]`).first();
  await expect(entry("new", "Atelectasis")).toBeVisible();
  await expect(entry("resolved", "Pleural thickening")).toBeVisible();
  await expect(entry("persisting", "Nodule/Mass")).toBeVisible();
  await expect(page.getByTestId("diff-method")).toContainText("lung-field bounding box");
  await page.screenshot({ path: test.info().outputPath("prior-comparison.png") }); // kept as a test artefact
  // The prior's final boxes are drawn on the prior film, tagged with their change.
  const priorPane = page.getByTestId("compare-prior");
  await expect(priorPane.locator('[data-testid="diff-box"][data-status="resolved"]')).toHaveCount(1);
  await expect(priorPane.locator('[data-testid="diff-box"][data-status="persisting"]')).toHaveCount(1);
  await expect(page.getByTestId("compare-current").locator('[data-testid="diff-box"][data-status="new"]').first()).toBeVisible();

  // Linked zoom: one key zooms both films alike.
  const nodule = (side: string) =>
    page.getByTestId(`compare-${side}`).locator('[data-testid="diff-box"][data-status="persisting"] rect').first();
  const before = { current: await width(nodule("current")), prior: await width(nodule("prior")) };
  await page.keyboard.press("+");
  await expect.poll(() => width(nodule("prior"))).toBeGreaterThan(before.prior * 1.2);
  await expect.poll(() => width(nodule("current"))).toBeGreaterThan(before.current * 1.2);
  // X swaps the sides; Esc closes the comparison and the single viewer returns.
  const x = async (side: string) => (await page.getByTestId(`compare-${side}`).boundingBox())!.x;
  expect(await x("current")).toBeLessThan(await x("prior"));
  await page.keyboard.press("x");
  await expect(comparison).toHaveAttribute("data-swapped", "true");
  await expect.poll(async () => (await x("current")) > (await x("prior"))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(comparison).toHaveCount(0);
  await expect(page.getByTestId("study-viewer")).toBeVisible();

  // Only callers who may see patient identity link studies by patient: an annotator gets the current study alone.
  const annotator = await newUser(admin, "annotator", "priors-annotator");
  const ann = await signedInContext(baseURL!, annotator.email, annotator.password);
  const theirs = (await (await ann.get(`/api/v1/studies/${currentId}/priors`)).json()) as PriorsDto;
  expect(theirs).toMatchObject({ linked: false, studies: [{ studyId: currentId, current: true }] });
  expect((await ann.get(`/api/v1/studies/${currentId}/priors/${priorId}`)).status()).toBe(404);
});
