import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ModelsPage } from "./pages/models-page";
import { SignInPage } from "./pages/sign-in-page";
import { TrainingPage } from "./pages/training-page";
import { E2E_ADMIN } from "./support/accounts";
import { signedInContext } from "./support/api-session";
import { syntheticDicom } from "./support/fixtures";

const WORKER = path.resolve("training/.venv/bin/cxr-train");

// Six studies read and signed off by one new radiologist (one drawn box each), exported as YOLO by the admin.
async function exportOfSignedOffReviews(admin: APIRequestContext, baseURL: string) {
  const email = `train-reader-${Date.now()}@e2e.local`;
  expect(
    (
      await admin.post("/api/v1/users", { data: { email, name: "Train Reader", role: "radiologist", password: "reader-password-t" } })
    ).status(),
  ).toBe(201);
  const reader = await signedInContext(baseURL, email, "reader-password-t");
  for (let i = 0; i < 6; i++) {
    const up = await admin.post("/api/v1/studies", {
      multipart: { files: syntheticDicom({ size: 128, patientId: `TRAIN-E2E-${Date.now()}-${i}` }, `t${i}.dcm`) },
    });
    expect(up.ok(), await up.text()).toBeTruthy();
    const studyId = (await up.json()).results[0].studyId as string;
    expect((await reader.post(`/api/v1/studies/${studyId}/review`)).status()).toBe(201);
    const saved = await reader.patch(`/api/v1/studies/${studyId}/review`, {
      data: { version: 1, operations: [{ op: "add", box: [30 + i, 40, 60 + i, 70], className: "Nodule/Mass" }] },
    });
    expect(saved.status(), await saved.text()).toBe(200);
    expect(
      (await reader.post(`/api/v1/studies/${studyId}/review/sign-off`, { data: { version: 2, impression: "abnormal" } })).status(),
    ).toBe(200);
  }
  const readerId = ((await (await reader.get("/api/v1/me")).json()) as { user: { id: string } }).user.id;
  const created = await admin.post("/api/v1/exports", {
    data: { format: "yolo", filters: { readerId, includeHeldOut: true }, valFraction: 0.34, seed: 0 },
  });
  expect(created.status(), await created.text()).toBe(201);
  const id = ((await created.json()) as { export: { id: string } }).export.id;
  await expect
    .poll(async () => ((await (await admin.get(`/api/v1/exports/${id}`)).json()) as { export: { status: string } }).export.status, {
      timeout: 60_000,
    })
    .toBe("succeeded");
  return id;
}

test("an admin retrains on an export from /admin/training, the new model appears as registered, and its INT8 version appears beside it with numbers", async ({
  page,
  baseURL,
}) => {
  test.skip(!fs.existsSync(WORKER), `training worker not installed (${WORKER}): run training/scripts/setup-venv.sh`);
  test.setTimeout(240_000);
  const admin = await signedInContext(baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
  const exportId = await exportOfSignedOffReviews(admin, baseURL!);

  await new SignInPage(page).signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByRole("link", { name: "Exports" })).toBeVisible();
  await page.getByRole("link", { name: "Training" }).click();
  const training = new TrainingPage(page);
  await expect(page.getByTestId("training-form")).toBeVisible();
  await expect(page.getByTestId("training-worker-missing")).toHaveCount(0);
  const runId = await training.start({ exportId, epochs: 1, imageSize: 64, batch: 4 });
  await expect(training.row(runId)).toBeVisible();
  await expect(training.row(runId)).toHaveAttribute("data-status", "succeeded", { timeout: 200_000 });
  await expect(training.row(runId).getByTestId("training-model")).toContainText("cxr-retrained");
  await expect(training.row(runId).getByTestId("training-model")).toContainText("(registered)");
  await expect(training.row(runId)).toContainText("mAP@0.5");
  // a handful of images: every batch steps, no warm-up, no mosaic (set from the export's size)
  await expect(training.row(runId).getByTestId("training-small-data")).toHaveText("nbs 4 · warm-up 0 ep · mosaic 0");

  const models = (await (await admin.get("/api/v1/models")).json()) as { models: { name: string; version: string; stage: string }[] };
  expect(models.models.filter((m) => m.name === "cxr-retrained").map((m) => m.stage)).toEqual(["registered"]);

  // INT8: made from the retrained version, calibrated on the export its card records, shown beside it with numbers
  const label = `cxr-retrained ${models.models.find((m) => m.name === "cxr-retrained")!.version}`;
  const registry = new ModelsPage(page);
  await registry.open();
  await registry.row(label).getByTestId("model-expand").click();
  await registry.details(label).getByTestId("optimize-start").click();
  const int8 = registry.row(`${label}-int8`);
  await expect(int8).toBeVisible({ timeout: 120_000 });
  await expect(int8.getByTestId("optimization-summary")).toContainText(`INT8 of ${label}`);
  await expect(int8.getByTestId("optimization-export")).toContainText("export val: mAP@0.5");
  await expect(int8.getByTestId("model-stage")).toHaveText("registered");
});
