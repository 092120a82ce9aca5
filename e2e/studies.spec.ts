import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./support/accounts";
import { chestPng, realOrSyntheticDicom, syntheticDicom } from "./support/fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { UploadPage } from "./pages/upload-page";

test("upload a real DICOM, a PNG and a broken file; the worklist shows the two studies", async ({ page }) => {
  const stamp = String(Date.now()).slice(-6);
  await new SignInPage(page).signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  const upload = new UploadPage(page);
  await upload.open();
  const real = realOrSyntheticDicom("nhsx-nih-dicom/nih_cxr_dx_covid0000.dcm", { patientId: `E2E-${stamp}` });
  const marked = syntheticDicom({ patientId: `E2E-${stamp}`, accessionNumber: `ACC-${stamp}` }, "marked.dcm");
  const png = chestPng();
  await upload.upload([real, marked, png, { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not an image") }]);
  await expect(upload.row(real.name)).toHaveAttribute("data-state", "stored");
  await expect(upload.row("marked.dcm")).toHaveAttribute("data-state", "stored");
  await expect(upload.row("chest.png")).toHaveAttribute("data-state", "stored");
  await expect(upload.row("notes.txt")).toHaveAttribute("data-state", "rejected");
  await expect(upload.row("notes.txt")).toContainText("Not a DICOM, PNG or JPEG file");

  // The same file again is recognised, not stored twice.
  await upload.upload([real, png]);
  await expect(upload.row(real.name).last()).toHaveAttribute("data-state", "duplicate");
  await expect(upload.row("chest.png").last()).toHaveAttribute("data-state", "duplicate");

  await page.goto("/");
  await expect(page.getByTestId("worklist-row").first()).toBeVisible();
  await expect(page.getByTestId("status-chip-new")).toContainText(/\d/);
  await page.getByTestId("worklist-search").fill(`ACC-${stamp}`);
  await expect(page).toHaveURL(new RegExp(`q=ACC-${stamp}`));
  await expect(page.getByTestId("worklist-row")).toHaveCount(1);
  await expect(page.getByTestId("worklist-row")).toContainText(`E2E-${stamp}`);
  await page.reload(); // state survives in the URL
  await expect(page.getByTestId("worklist-search")).toHaveValue(`ACC-${stamp}`);
  await expect(page.getByTestId("worklist-row")).toHaveCount(1);
});

test("the upload API answers per file and refuses requests without files", async ({ page }) => {
  await new SignInPage(page).signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  const noField = await page.request.post("/api/v1/studies", { multipart: { other: "x" } });
  expect(noField.status()).toBe(400);
  expect((await noField.json()).error.message).toContain("files");
  const bad = await page.request.post("/api/v1/studies", {
    multipart: { files: { name: "x.dcm", mimeType: "application/dicom", buffer: Buffer.from("DICM?") } },
  });
  expect(bad.status()).toBe(415);
  expect((await bad.json()).results[0]).toMatchObject({ status: "rejected", error: { code: "unsupported_media_type" } });
});

test("a study that does not exist shows one message and a way back, not an empty review panel", async ({ page }) => {
  await new SignInPage(page).signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/studies/no-such-study");
  await expect(page.getByTestId("study-not-found")).toContainText("No such study");
  await expect(page.getByTestId("review-panel")).toHaveCount(0);
  await page.getByRole("link", { name: "Back to the worklist" }).click();
  await expect(page.getByTestId("home")).toBeVisible();
});
