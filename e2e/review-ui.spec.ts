import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import type { LabelDto, LabelRevisionDto, StudyReviewDto } from "../lib/schemas/review";
import { ExportsPage } from "./pages/exports-page";
import { ReviewPage } from "./pages/review-page";
import { SignInPage } from "./pages/sign-in-page";
import { E2E_ADMIN } from "./support/accounts";
import { signedInContext } from "./support/api-session";
import { nihJpeg } from "./support/fixtures";

const NIH = path.resolve("../shared/data/cxr-mass-nodule/images");
const MIN_CONFIDENCE = 0.25; // the bundled model's confidence threshold (its card sets none), the overlay's default

// The first NIH image on which the bundled model shows at least three boxes above the overlay's threshold.
async function imageWithThreeBoxes(admin: APIRequestContext) {
  for (const name of fs
    .readdirSync(NIH)
    .filter((f) => f.endsWith(".jpg"))
    .sort()) {
    const file = nihJpeg(path.join(NIH, name));
    const res = await admin.post("/api/v1/predict", { multipart: { file } });
    expect(res.status(), name).toBe(200);
    const { predictions } = (await res.json()) as { predictions: { confidence: number }[] };
    if (predictions.filter((p) => p.confidence >= MIN_CONFIDENCE).length >= 3) return file;
  }
  return null;
}

// A new radiologist and a study of `file` whose AI findings are in.
async function readerAndStudy(admin: APIRequestContext, file: { name: string; mimeType: string; buffer: Buffer }) {
  const email = `ui-reader-${Date.now()}@e2e.local`;
  const password = "reader-password-ui";
  expect((await admin.post("/api/v1/users", { data: { email, name: "UI Reader", role: "radiologist", password } })).status()).toBe(201);
  const up = await admin.post("/api/v1/studies", { multipart: { files: file } });
  expect(up.ok(), await up.text()).toBeTruthy();
  const studyId = (await up.json()).results[0].studyId as string;
  await expect
    .poll(async () => ((await (await admin.get(`/api/v1/studies/${studyId}/review`)).json()) as StudyReviewDto).findings.length, {
      timeout: 60_000,
    })
    .toBeGreaterThan(0);
  return { email, password, studyId };
}

// Both tests: real NIH data, an image with at least three AI boxes, a new radiologist signed in on its study.
async function openAsNewReader(page: Page, baseURL: string) {
  test.skip(!fs.existsSync(NIH), `shared data absent (${NIH}): this test needs real NIH images for the AI to find boxes`);
  test.setTimeout(180_000);
  const admin = await signedInContext(baseURL, E2E_ADMIN.email, E2E_ADMIN.password);
  const file = await imageWithThreeBoxes(admin);
  test.skip(!file, "the bundled model finds fewer than 3 boxes on every shared NIH image");
  const { email, password, studyId } = await readerAndStudy(admin, file!);
  await new SignInPage(page).signIn(email, password);
  const review = new ReviewPage(page);
  await review.open(studyId);
  return { email, password, studyId, review };
}

test("a radiologist accepts, rejects, resizes and adds boxes on the overlay, signs off, the provenance is stored, and the export holds exactly those boxes", async ({
  page,
  baseURL,
  browser,
}) => {
  const { email, studyId, review } = await openAsNewReader(page, baseURL!);
  await expect(review.aiBoxes.first()).toBeVisible();
  expect(await review.aiBoxes.count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId("model-version")).toContainText("demo-nodule-mass");
  await expect(review.aiBoxes.first()).toHaveAttribute("data-status", "pending");
  await expect(review.aiBoxes.first().getByTestId("box-tag")).toHaveText("1"); // a compact numbered tag on the image…
  await expect(page.getByTestId("finding-row").first()).toContainText("AI suggestion"); // …linked to the full label in the list

  // Accept (keyboard).
  const accepted = await review.selectNext();
  await review.saving(() => review.press("a"));
  await expect(review.box(accepted)).toHaveAttribute("data-status", "accepted");

  // Reject (keyboard), then give a reason inline.
  const rejected = await review.selectNext();
  await review.saving(() => review.press("r"));
  await expect(review.box(rejected)).toHaveAttribute("data-status", "rejected");
  await review.saving(async () => {
    await page.getByTestId("reject-reason").fill("rib crossing");
    await page.getByTestId("reject-reason").press("Enter");
  });
  await review.blur();

  // Resize by dragging the bottom-right corner handle inwards (mouse).
  const resized = await review.selectNext();
  await review.press("e");
  const before = await review.rectOf(resized);
  await review.saving(() => review.dragHandle(resized, "x2-y2", -Math.min(20, before.width / 3), -Math.min(15, before.height / 3)));
  await expect(review.box(resized)).toHaveAttribute("data-status", "edited");
  const after = await review.rectOf(resized);
  expect(after.width).toBeLessThan(before.width - 5);
  expect(Math.abs(after.x - before.x)).toBeLessThan(2); // the fixed corner stays (the stroke widens when the box becomes edited)

  // Add a missed finding by drawing on the image (mouse), then picking its class.
  await review.press("Escape");
  await review.saving(() => review.addBox([0.4, 0.35], [0.5, 0.5], "Pleural effusion"));
  await expect(review.readerBoxes).toHaveCount(1);
  await expect(review.readerBoxes.first()).toHaveAttribute("data-status", "added");

  await review.signOff("abnormal");
  await expect(page.getByTestId("dicom-tags")).toContainText("Signed off"); // the study panel follows without a reload

  // The server has the verdicts, their provenance and who made them.
  const reader = page.request;
  const state = (await (await reader.get(`/api/v1/studies/${studyId}/review`)).json()) as StudyReviewDto;
  expect(state.review).toMatchObject({ status: "signed_off", impression: "abnormal" });
  const byFinding = (key: string) => state.review!.labels.find((l) => l.originFindingId === key.slice(2)) as LabelDto;
  expect(byFinding(accepted)).toMatchObject({ source: "ai_accepted", rejected: false });
  expect(byFinding(rejected)).toMatchObject({ rejected: true, rejectReason: "rib crossing" });
  const edited = byFinding(resized);
  expect(edited.source).toBe("ai_edited");
  expect(edited.box[2] - edited.box[0]).toBeLessThan(edited.origin!.box[2] - edited.origin!.box[0]);
  expect(edited.box[0]).toBe(edited.origin!.box[0]); // the opposite corner stayed put
  const added = state.review!.labels.filter((l) => l.source === "reader_added");
  expect(added).toHaveLength(1);
  expect(added[0]).toMatchObject({ className: "Pleural effusion", rejected: false, deleted: false });

  const history = (await (await reader.get(`/api/v1/reviews/${state.review!.id}/history`)).json()) as { revisions: LabelRevisionDto[] };
  const changes = history.revisions.map((r) => `${r.change}:${r.source}`);
  expect(changes).toEqual(expect.arrayContaining(["accept:ai_accepted", "reject:ai_accepted", "edit:ai_edited", "add:reader_added"]));
  expect(new Set(history.revisions.map((r) => r.author.email))).toEqual(new Set([email]));

  // An admin exports this reader's signed-off review from /admin/exports: exactly the accepted, edited and added
  // boxes are objects (the rejected AI suggestion is not), in YOLO and COCO.
  const readerId = ((await (await reader.get("/api/v1/me")).json()) as { user: { id: string } }).user.id;
  const expected = state.review!.labels.filter((l) => !l.rejected && !l.deleted);
  expect(expected).toHaveLength(3);
  await expectExportHoldsExactly(browser, readerId, expected);
});

// Exports one reader's reviews through the admin page (YOLO + COCO) and compares every box with the labels.
async function expectExportHoldsExactly(browser: Browser, readerId: string, labels: LabelDto[]) {
  const ctx = await browser.newContext();
  const adminPage = await ctx.newPage();
  await new SignInPage(adminPage).signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  const exportsPage = new ExportsPage(adminPage);
  await exportsPage.open();
  // The study's patient may be one of the registry's held-out evaluation patients, which exports leave out by default.
  const id = await exportsPage.start({ format: "both", readerId, valFraction: 0, includeHeldOut: true });
  const zip = unzipSync(new Uint8Array(await exportsPage.download(id)));
  await expect(exportsPage.heldOutNote(id)).toHaveText("held-out patients included");
  await ctx.close();

  const files = Object.keys(zip).sort();
  expect(files).toEqual([
    "annotations.coco.json",
    "data.yaml",
    "images/train/img_000001.png",
    "labels/train/img_000001.txt",
    "manifest.json",
  ]);
  const coco = JSON.parse(strFromU8(zip["annotations.coco.json"]!)) as {
    images: { id: number; width: number; height: number; file_name: string }[];
    annotations: { category_id: number; bbox: number[] }[];
    categories: { id: number; name: string }[];
  };
  const { width, height } = coco.images[0]!;
  const byCoco = coco.annotations.map((a) => ({
    cls: coco.categories.find((c) => c.id === a.category_id)!.name,
    box: [a.bbox[0]!, a.bbox[1]!, a.bbox[0]! + a.bbox[2]!, a.bbox[1]! + a.bbox[3]!],
  }));
  const names = [...strFromU8(zip["data.yaml"]!).matchAll(/^ {2}(\d+): (".*")$/gm)].map((m) => JSON.parse(m[2]!) as string);
  const byYolo = strFromU8(zip["labels/train/img_000001.txt"]!)
    .trim()
    .split("\n")
    .map((line) => {
      const [c, cx, cy, w, h] = line.split(" ").map(Number) as [number, number, number, number, number];
      return { cls: names[c]!, box: [(cx - w / 2) * width, (cy - h / 2) * height, (cx + w / 2) * width, (cy + h / 2) * height] };
    });
  const sortKey = (b: { cls: string; box: number[] }) => `${b.cls}:${b.box.map((v) => Math.round(v)).join(",")}`;
  const want = labels.map((l) => ({ cls: l.className, box: l.box as number[] })).sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  for (const [got, tolerancePx] of [
    [byCoco, 1e-6],
    [byYolo, 2e-6 * Math.max(width, height)], // six decimals of a normalised coordinate
  ] as const) {
    const sorted = [...got].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    expect(sorted.map((b) => b.cls)).toEqual(want.map((b) => b.cls));
    sorted.forEach((b, i) => b.box.forEach((v, k) => expect(Math.abs(v - want[i]!.box[k]!)).toBeLessThanOrEqual(tolerancePx)));
  }
  const text = Object.values(zip)
    .map((v) => strFromU8(v, true))
    .join("\n");
  expect(text).not.toContain(readerId);
  for (const l of labels) expect(text).not.toContain(l.instanceId ?? "none");
}

test("boxes follow a rotation, and a save against a review changed elsewhere shows the conflict banner instead of overwriting", async ({
  page,
  baseURL,
}) => {
  const { email, password, studyId, review } = await openAsNewReader(page, baseURL!);
  const first = review.aiBoxes.first();
  const key = (await first.getAttribute("data-key"))!;
  const before = await review.rectOf(key);
  await review.press("r"); // nothing selected: the viewer's rotate
  await expect
    .poll(async () => (await review.rectOf(key)).x, { message: "the box should be re-projected after the rotation" })
    .not.toBeCloseTo(before.x, 0);
  const rotated = await review.rectOf(key);
  expect(rotated.width).toBeCloseTo(before.height, 0); // a quarter turn swaps the sides on screen
  const v = (await review.viewer.viewport.boundingBox())!;
  expect(rotated.x).toBeGreaterThanOrEqual(v.x - 1);
  expect(rotated.x + rotated.width).toBeLessThanOrEqual(v.x + v.width + 1);

  // The same reader, in another session, starts the review first.
  const otherTab = await signedInContext(baseURL!, email, password);
  const state = (await (await otherTab.get(`/api/v1/studies/${studyId}/review`)).json()) as StudyReviewDto;
  expect(
    (
      await otherTab.patch(`/api/v1/studies/${studyId}/review`, {
        data: { version: 0, operations: [{ op: "accept", findingId: key.slice(2) }] },
      })
    ).status(),
  ).toBe(200);
  expect(state.review).toBeNull();

  await review.selectNext();
  await review.press("r");
  await expect(page.getByTestId("conflict-banner")).toContainText("This review was changed in another session — reload");
  await expect(review.saveStatus).toHaveAttribute("data-status", "conflict");
  await page.getByTestId("conflict-reload").click();
  await expect(page.getByTestId("conflict-banner")).toHaveCount(0);
  await expect(review.box(key)).toHaveAttribute("data-status", "accepted"); // the other session's verdict, not overwritten
  await expect(review.saveStatus).toHaveText("saved");

  // Hovering a row highlights its box; the confidence slider hides undecided AI suggestions below it.
  const row = page.getByTestId("finding-row").nth(1);
  await row.hover();
  await expect(review.box((await row.getAttribute("data-key"))!)).toHaveAttribute("data-hovered", "true");
  await page.getByTestId("confidence-slider").fill("1");
  await expect(review.aiBoxes).toHaveCount(1); // only the decided (accepted) one stays
  await expect(review.box(key)).toHaveAttribute("data-status", "accepted");
});
