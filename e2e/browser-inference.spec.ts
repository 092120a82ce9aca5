import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { AiFindingDto, StudyReviewDto } from "../lib/schemas/review";
import { BrowserInferencePanel } from "./pages/browser-inference-panel";
import { ReviewPage } from "./pages/review-page";
import { SignInPage } from "./pages/sign-in-page";
import { E2E_ADMIN } from "./support/accounts";
import { signedInContext } from "./support/api-session";
import { nihJpeg, realOrSyntheticDicom } from "./support/fixtures";

const NIH = path.resolve("../shared/data/cxr-mass-nodule/images");

// The first shared NIH image on which the bundled model (server side) finds at least two boxes; else a synthetic DICOM.
async function imageWithBoxes(admin: APIRequestContext) {
  if (fs.existsSync(NIH)) {
    for (const name of fs
      .readdirSync(NIH)
      .filter((f) => f.endsWith(".jpg"))
      .sort()) {
      const file = nihJpeg(path.join(NIH, name));
      const res = await admin.post("/api/v1/predict", { multipart: { file } });
      expect(res.status(), name).toBe(200);
      if (((await res.json()) as { predictions: unknown[] }).predictions.length >= 2) return { file, withBoxes: true };
    }
  }
  console.warn(`shared NIH images absent or without boxes (${NIH}): comparing on a synthetic DICOM, where the demo model may find nothing`);
  return { file: realOrSyntheticDicom("nhsx-nih-dicom/nih_cxr_dx_covid0000.dcm", { size: 256 }), withBoxes: false };
}

test("'Run in browser' runs the server's model version with onnxruntime-web and finds the same boxes", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const admin = await signedInContext(baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
  const { file, withBoxes } = await imageWithBoxes(admin);
  const up = await admin.post("/api/v1/studies", { multipart: { files: file } });
  expect(up.ok(), await up.text()).toBeTruthy();
  const studyId = (await up.json()).results[0].studyId as string;
  // Wait for the server's automatic prediction (the predict.study job).
  let server: StudyReviewDto | undefined;
  await expect
    .poll(
      async () => (server = (await (await admin.get(`/api/v1/studies/${studyId}/review`)).json()) as StudyReviewDto).modelVersion?.name,
      { timeout: 90_000 },
    )
    .toBe("demo-nodule-mass");
  const findings: AiFindingDto[] = server!.findings;
  if (withBoxes) expect(findings.length).toBeGreaterThanOrEqual(2);

  await new SignInPage(page).signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  const review = new ReviewPage(page);
  await review.open(studyId);
  // COOP + COEP make the page cross-origin isolated, so onnxruntime-web runs on several threads (the viewer's codecs
  // and ONNX Runtime's own assets still load under COEP: the image is shown and the run finishes).
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const panel = new BrowserInferencePanel(page);
  const browser = await panel.run();
  await expect(panel.summary).toContainText(`Browser (WASM) result: ${findings.length} boxes`);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await expect(panel.backend).toHaveText(cores > 1 ? /^(WebGPU|WASM SIMD, [2-4] threads)$/ : /^(WebGPU|WASM SIMD, 1 thread)$/);
  await expect(panel.section).toContainText("AI suggestion");

  // Same boxes within rounding: same classes, |Δconfidence| ≤ 0.01, |Δbox| ≤ 1 px, matched by order of confidence.
  const byConfidence = <T extends { confidence: number }>(a: T[]) => [...a].sort((x, y) => y.confidence - x.confidence);
  const s = byConfidence(findings);
  const b = byConfidence(browser);
  expect(b.map((x) => [x.instanceId, x.className])).toEqual(s.map((x) => [x.instanceId, x.className]));
  let worst = { confidence: 0, px: 0 };
  b.forEach((x, i) => {
    expect(Math.abs(x.confidence - s[i]!.confidence), `confidence of box ${i}`).toBeLessThanOrEqual(0.01);
    x.box.forEach((v, k) => expect(Math.abs(v - s[i]!.box[k]!), `coordinate ${k} of box ${i}`).toBeLessThanOrEqual(1));
    worst = {
      confidence: Math.max(worst.confidence, Math.abs(x.confidence - s[i]!.confidence)),
      px: Math.max(worst.px, ...x.box.map((v, k) => Math.abs(v - s[i]!.box[k]!))),
    };
  });
  console.log(
    `browser vs server on ${file.name}: ${b.length} boxes, max |Δconf| ${worst.confidence.toExponential(2)}, max |Δbox| ${worst.px.toExponential(2)} px; ${await panel.summary.textContent()} on ${await panel.backend.textContent()}`,
  );

  // The comparison layer draws them over the image and can be hidden.
  await expect(panel.layerBoxes).toHaveCount(findings.length);
  if (findings.length > 0) {
    await panel.toggle.uncheck();
    await expect(panel.layerBoxes).toHaveCount(0);
    await expect(review.aiBoxes.first()).toBeVisible(); // the server's suggestions stay
  }
});

test("the model file is served to signed-in users with its sha256 as ETag and revalidates with 304", async ({ baseURL }) => {
  const admin = await signedInContext(baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
  const models = (await (await admin.get("/api/v1/models")).json()).models as {
    id: string;
    sha256: string;
    sizeBytes: number;
    stage: string;
  }[];
  const prod = models.find((m) => m.stage === "production")!;
  const res = await admin.get(`/api/v1/models/${prod.id}/file`);
  expect(res.status()).toBe(200);
  expect(res.headers()["etag"]).toBe(`"${prod.sha256}"`);
  expect(res.headers()["cache-control"]).toContain("immutable");
  expect((await res.body()).length).toBe(prod.sizeBytes);
  expect(JSON.parse(decodeURIComponent(res.headers()["x-model-thresholds"]!))).toMatchObject({
    confidence: expect.any(Number),
    iou: expect.any(Number),
  });
  const again = await admin.get(`/api/v1/models/${prod.id}/file`, { headers: { "if-none-match": `"${prod.sha256}"` } });
  expect(again.status()).toBe(304);
});
