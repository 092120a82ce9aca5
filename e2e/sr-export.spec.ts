import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./support/accounts";
import { signedInContext } from "./support/api-session";
import { syntheticDicom } from "./support/fixtures";
import { ReviewPage } from "./pages/review-page";
import { SignInPage } from "./pages/sign-in-page";

test("a signed-off study's findings download as a DICOM SR; before sign-off the SR is refused with a reason", async ({ baseURL, page }) => {
  const admin = await signedInContext(baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
  const up = await admin.post("/api/v1/studies", { multipart: { files: syntheticDicom({ size: 128 }, "sr.dcm") } });
  const studyId = (await up.json()).results[0].studyId as string;
  await expect
    .poll(async () => (await (await admin.get(`/api/v1/studies/${studyId}/review`)).json()).studyStatus, { timeout: 60_000 })
    .toBe("predicted");

  const early = await admin.get(`/api/v1/studies/${studyId}/sr`);
  expect(early.status()).toBe(409);
  expect((await early.json()).error.message).toMatch(/signed-off/);

  expect((await admin.post(`/api/v1/studies/${studyId}/review`)).status()).toBe(201);
  const saved = await admin.patch(`/api/v1/studies/${studyId}/review`, {
    data: { version: 1, operations: [{ op: "add", box: [10, 12, 60, 70], className: "Nodule/Mass" }] },
  });
  expect(saved.status()).toBe(200);
  expect((await admin.post(`/api/v1/studies/${studyId}/review/sign-off`, { data: { version: 2, impression: "abnormal" } })).status()).toBe(
    200,
  );

  const sr = await admin.get(`/api/v1/studies/${studyId}/sr`);
  expect(sr.status()).toBe(200);
  expect(sr.headers()["content-type"]).toBe("application/dicom");
  expect(sr.headers()["content-disposition"]).toMatch(/^attachment; filename="S-[0-9A-F]+-sr\.dcm"$/);
  const bytes = await sr.body();
  expect(bytes.subarray(128, 132).toString("latin1")).toBe("DICM");
  expect(bytes.includes(Buffer.from("1.2.840.10008.5.1.4.1.1.88.33"))).toBe(true);
  // What the server sent is what a PACS would get: DCMTK reads it and finds the reader's box as a closed polyline.
  const dcmdump = spawnSync("dcmdump", ["--version"]);
  if (dcmdump.error && process.env.CI) throw new Error("dcmdump (DCMTK) is required in CI: apt-get install -y dcmtk");
  if (!dcmdump.error) {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cxr-sr-e2e-")), "sr.dcm");
    fs.writeFileSync(file, bytes);
    const dump = spawnSync("dcmdump", [file], { encoding: "utf8" });
    expect(dump.status).toBe(0);
    expect(`${dump.stderr}${dump.stdout}`.split("\n").filter((l) => l.startsWith("E:"))).toEqual([]);
    expect(dump.stdout).toContain("(0070,0022) FL 10\\12\\60\\12\\60\\70\\10\\70\\10\\12");
  } else console.warn("dcmdump not installed (apt-get install -y dcmtk): the DCMTK read of the downloaded SR is skipped");

  await new SignInPage(page).signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  await new ReviewPage(page).open(studyId);
  const link = page.getByTestId("download-sr");
  await expect(link).toHaveAttribute("href", `/api/v1/studies/${studyId}/sr`);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^S-[0-9A-F]+-sr\.dcm$/);

  // Without the mouse: 6 downloads the same SR; 9 / 8 move the display filters' confidence slider one 5 % step up / down.
  const [byKey] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("6")]);
  expect(byKey.suggestedFilename()).toBe(download.suggestedFilename());
  const slider = page.getByTestId("confidence-slider");
  const start = Number(await slider.inputValue());
  await page.keyboard.press("9");
  await expect.poll(async () => Number(await slider.inputValue())).toBeCloseTo(Math.min(1, Math.floor(start * 20 + 1e-9 + 1) / 20));
  await page.keyboard.press("8");
  await page.keyboard.press("8");
  await expect.poll(async () => Number(await slider.inputValue())).toBeLessThan(start);
});
