// The browser row of bench:predict: the review page's "Run in browser" (onnxruntime-web in Debian's Chromium, on the
// threads cross-origin isolation allows) on one uploaded image, timed by the page itself (model time: decode of the
// study's DICOM, letterbox, session.run, NMS). The first run also starts the session; the row is the warm runs.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import type { BenchImage } from "./bench-images";
import { BENCH_ADMIN, type BenchServer } from "./prod-server";

export type BrowserTimes = { warm: number[]; firstMs: number; backend: string };

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const MIME: Record<string, string> = { ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".dcm": "application/dicom" };

async function signIn(page: Page) {
  await page.goto("/sign-in");
  await page.getByTestId("sign-in-email").fill(BENCH_ADMIN.email);
  await page.getByTestId("sign-in-password").fill(BENCH_ADMIN.password);
  await page.getByTestId("sign-in-submit").click();
  await page.getByTestId("current-user").waitFor();
}

async function uploadAndWaitForPrediction(page: Page, image: BenchImage): Promise<string> {
  const mimeType = MIME[path.extname(image.name).toLowerCase()] ?? "application/octet-stream";
  const up = await page.request.post("/api/v1/studies", {
    multipart: { files: { name: image.name, mimeType, buffer: Buffer.from(image.bytes) } },
  });
  if (!up.ok()) throw new Error(`upload for the browser row: HTTP ${up.status()} ${await up.text()}`);
  const studyId = ((await up.json()) as { results: Array<{ studyId: string }> }).results[0]!.studyId;
  for (let i = 0; i < 240; i++) {
    const review = (await (await page.request.get(`/api/v1/studies/${studyId}/review`)).json()) as { modelVersion?: unknown };
    if (review.modelVersion) return studyId;
    await page.waitForTimeout(250);
  }
  throw new Error("the uploaded study was not predicted within 60 s");
}

/** One click of "Run in browser": the model milliseconds the page reports. */
async function runOnce(page: Page): Promise<number> {
  const section = page.getByTestId("browser-inference");
  await page.getByTestId("run-in-browser").click();
  await page.waitForFunction(
    () => /done|error/.test(document.querySelector('[data-testid="browser-inference"]')?.getAttribute("data-status") ?? ""),
    undefined,
    { timeout: 120_000 },
  );
  if ((await section.getAttribute("data-status")) !== "done") throw new Error(`the browser run failed: ${await section.textContent()}`);
  return Number(await page.getByTestId("browser-summary").getAttribute("data-model-ms"));
}

/** Warm and first-run model times in Chromium, or why the row is skipped. */
export async function measureBrowser(server: BenchServer, image: BenchImage, runs: number): Promise<BrowserTimes | string> {
  if (!fs.existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  try {
    const page = await (await browser.newContext({ baseURL: server.url })).newPage();
    await signIn(page);
    const studyId = await uploadAndWaitForPrediction(page, image);
    await page.goto(`/studies/${studyId}`);
    if (!(await page.evaluate(() => crossOriginIsolated))) return "the review page is not cross-origin isolated (no WASM threads)";
    const firstMs = await runOnce(page);
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) warm.push(await runOnce(page));
    const backend = (await page.getByTestId("browser-backend").textContent()) ?? "?";
    return { warm, firstMs, backend };
  } finally {
    await browser.close();
  }
}
