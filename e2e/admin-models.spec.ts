import fs from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEFAULT_HELD_OUT_FRACTION, isHeldOut, patientKeyOf } from "@/lib/evaluation/held-out";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";
import { TINY_MODEL } from "@/test/fixtures/models";
import { ModelsPage } from "./pages/models-page";
import { SignInPage } from "./pages/sign-in-page";
import { E2E_ADMIN } from "./support/accounts";
import { signedInContext } from "./support/api-session";

const SIZE = 256;

// Patient IDs the registry holds out for evaluation (the same deterministic hash it uses), so the run has held-out data.
function heldOutPatients(n: number): string[] {
  const prefix = `E2E-EVAL-${Date.now() % 1e6}`;
  const ids: string[] = [];
  for (let i = 0; ids.length < n; i++)
    if (isHeldOut(patientKeyOf({ patientId: `${prefix}-${i}`, pseudonym: "" }), DEFAULT_HELD_OUT_FRACTION)) ids.push(`${prefix}-${i}`);
  return ids;
}

// A reader (the admin) reads each study: accepts the AI suggestions and adds one box of their own; signs off.
async function readStudy(api: APIRequestContext, studyId: string) {
  await expect
    .poll(async () => (await (await api.get(`/api/v1/studies/${studyId}/review`)).json()).studyStatus, { timeout: 60_000 })
    .toBe("predicted");
  expect((await api.post(`/api/v1/studies/${studyId}/review`)).status()).toBe(201);
  const state = await (await api.get(`/api/v1/studies/${studyId}/review`)).json();
  const ops: unknown[] = state.findings.map((f: { id: string }) => ({ op: "accept", findingId: f.id }));
  ops.push({ op: "add", box: [SIZE * 0.125, SIZE * 0.125, SIZE * 0.375, SIZE * 0.375], className: "Nodule/Mass" });
  const saved = await api.patch(`/api/v1/studies/${studyId}/review`, { data: { version: state.review.version, operations: ops } });
  expect(saved.status()).toBe(200);
  const signed = await api.post(`/api/v1/studies/${studyId}/review/sign-off`, {
    data: { version: (await saved.json()).review.version, impression: "abnormal" },
  });
  expect(signed.status()).toBe(200);
}

test("an admin uploads a model, sees its evaluation, runs it as a 20 % canary with live performance and drift charts, and rolls it back", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const api = await signedInContext(baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
  for (const patientId of heldOutPatients(3)) {
    const up = await api.post("/api/v1/studies", {
      multipart: {
        files: {
          name: `${patientId}.dcm`,
          mimeType: "application/dicom",
          buffer: Buffer.from(makeStudyDicom({ size: SIZE, patientId }).bytes),
        },
      },
    });
    expect(up.status()).toBe(201);
    await readStudy(api, (await up.json()).results[0].studyId);
  }

  await new SignInPage(page).signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  const models = new ModelsPage(page);
  await models.open();
  const version = `1.0.${Date.now()}`;
  const label = `e2e-tiny ${version}`;
  await models.upload(
    {
      name: "tiny.onnx",
      mimeType: "application/octet-stream",
      buffer: Buffer.concat([fs.readFileSync(TINY_MODEL), Buffer.from([0x32, 4]), Buffer.from(version.slice(-4))]),
    },
    { name: "card.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ name: "e2e-tiny", version })) },
  );
  const row = models.row(label);
  await expect(row.getByTestId("model-stage")).toHaveText("registered");
  await expect(row.getByTestId("evaluation-metrics")).toContainText(
    /mAP@0\.5 \d\.\d{3} · mAP@0\.4 \d\.\d{3} · FP\/img \d+\.\d{3} · p50 \d+ ms · 3 img/,
    { timeout: 90_000 },
  );
  await row.getByTestId("model-expand").click();
  await expect(models.details(label).getByTestId("per-class-ap")).toContainText("Nodule/Mass");

  await models.moveTo(label, "canary", 20);
  await expect(row.getByTestId("model-stage")).toHaveText("canary 20 %");
  await expect(models.details(label).getByTestId("stage-history")).toContainText("registered → canary");

  // Live performance: the reads above, on the production version.
  await expect(page.getByTestId("performance-row").first()).toContainText("demo-nodule-mass");
  for (const chart of ["acceptanceRate", "rejectedPerImage", "addedPerImage"])
    await expect(page.getByTestId(`performance-chart-${chart}`).locator(".recharts-line-dot").first()).toBeVisible();

  // Drift: compute over this run's predictions and see both charts drawn.
  await page.getByRole("link", { name: "Drift" }).click();
  await page.getByTestId("drift-compute").click();
  await expect(page.getByTestId("drift-score-chart").locator(".recharts-line-dot").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("drift-histogram").locator(".recharts-bar-rectangle").first()).toBeVisible();

  await page.getByRole("link", { name: "Models" }).click();
  await expect(models.row(label).getByTestId("model-stage")).toHaveText("canary 20 %");
  await models.rollback(label);
  await expect(models.row(label).getByTestId("model-stage")).toHaveText("registered");
  await models.row(label).getByTestId("model-expand").click();
  await expect(models.details(label).getByTestId("stage-history")).toContainText("canary → registered");
  const audit = await (await api.get("/api/v1/audit?action=model.stage_changed")).json();
  expect(JSON.stringify(audit)).toContain("rollback");

  // Production is replaced by a promotion (the bundled model has no evaluation, so no override is asked) ...
  const demo = "demo-nodule-mass 0.1.0";
  await models.moveTo(label, "production");
  await expect(models.row(label).getByTestId("model-stage")).toHaveText("production");
  await expect(models.row(demo).getByTestId("model-stage")).toHaveText("archived");
  // ... and now an unevaluated version needs an override reason to become a canary next to the evaluated production.
  await models.moveTo(demo, "canary", 20);
  await models.confirmOverride("comparison run requested by the lead radiologist");
  await expect(models.row(demo).getByTestId("model-stage")).toHaveText("canary 20 %");
  // Rolling production back restores the version it replaced.
  await models.rollback(label);
  await expect(models.row(demo).getByTestId("model-stage")).toHaveText("production");
  await expect(models.row(label).getByTestId("model-stage")).toHaveText("archived");
  await models.row(demo).getByTestId("model-expand").click();
  await expect(models.details(demo).getByTestId("stage-history")).toContainText(
    "override: comparison run requested by the lead radiologist",
  );
});
