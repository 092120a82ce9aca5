import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { IngestResult } from "../lib/schemas/study";
import { ViewerPage } from "./pages/viewer-page";
import { SignInPage } from "./pages/sign-in-page";
import { E2E_ADMIN } from "./support/accounts";

// The viewer's load timings for RG1_J2KI.dcm (1955×1841 JPEG 2000) in the real app, printed for the record.
// Asserts only that they were measured: absolute times depend on the machine (see `npm run bench:viewer`).
const RG1 = path.resolve(import.meta.dirname, "../../shared/data/dicom/pydicom-data/RG1_J2KI.dcm");

test("viewer timings for RG1_J2KI.dcm (cold page, then warm navigation)", async ({ page }) => {
  test.skip(!fs.existsSync(RG1), `${RG1} not found`);
  await new SignInPage(page).signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  const res = await page.request.post("/api/v1/studies", {
    multipart: { files: { name: "RG1_J2KI.dcm", mimeType: "application/dicom", buffer: fs.readFileSync(RG1) } },
  });
  const [result] = ((await res.json()) as { results: IngestResult[] }).results;
  expect(result?.status, JSON.stringify(result?.error)).toMatch(/stored|duplicate/);
  const id = result!.studyId!;

  const viewer = new ViewerPage(page);
  const timings = () => page.evaluate(() => (window as unknown as { __viewerTimings?: Record<string, unknown> }).__viewerTimings);
  await viewer.open(id);
  const cold = await timings();
  expect(cold?.firstDrawAfterBytesMs).toEqual(expect.any(Number));

  // Warm: leave and come back inside the app (same JS heap, codec compiled), as when reading a worklist.
  await page.getByTestId("back-to-worklist").click();
  await expect(page.getByTestId("home")).toBeVisible();
  await page.getByTestId("open-study").first().waitFor();
  await page.locator(`a[href^="/studies/${id}"]`).first().click();
  await viewer.waitForRender(id);
  const warm = await timings();
  expect(warm?.firstDrawAfterBytesMs).toEqual(expect.any(Number));

  const line = (t: Record<string, unknown> | undefined) =>
    [
      "fetchMs",
      "parseMs",
      "previewCodecWaitMs",
      "previewDecodeMs",
      "previewVoiMs",
      "firstDrawAfterBytesMs",
      "decodeMs",
      "fullDrawAfterBytesMs",
    ]
      .map((k) => `${k}=${typeof t?.[k] === "number" ? (t[k] as number).toFixed(1) : "—"}`)
      .join(" ");
  console.log(`[viewer timings] RG1_J2KI cold: ${line(cold)}`);
  console.log(`[viewer timings] RG1_J2KI warm: ${line(warm)}`);
  test.info().annotations.push({ type: "viewer-timings", description: JSON.stringify({ cold, warm }) });
});
