import { expect, test } from "@playwright/test";
import { latin1, parseForSplice, withValue } from "@/lib/dicom/testing/dicom-splice";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";
import { E2E_ADMIN } from "./support/accounts";
import { SignInPage } from "./pages/sign-in-page";
import { UploadPage } from "./pages/upload-page";

// A synthetic study, a copy with a corrupt PhotometricInterpretation, and a copy with other content under the same
// SOP Instance UID.
function variants() {
  const { bytes } = makeStudyDicom();
  const f = parseForSplice(bytes)!;
  const dicom = (name: string, b: Uint8Array) => ({ name, mimeType: "application/dicom", buffer: Buffer.from(b) });
  return {
    good: dicom("good.dcm", bytes),
    corrupt: dicom("corrupt.dcm", withValue(f, f.ds.elements.x00280004!, latin1("MONOCHROM\u00f21"))),
    conflicting: dicom("conflicting.dcm", withValue(f, f.ds.elements.x00081030!, latin1("Other content, same UID"))),
  };
}

test("the upload page refuses a corrupt header and a conflicting instance with their reasons", async ({ page }) => {
  await new SignInPage(page).signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  const upload = new UploadPage(page);
  await upload.open();
  const { good, corrupt, conflicting } = variants();
  await upload.upload([good, corrupt]);
  await expect(upload.row("good.dcm")).toHaveAttribute("data-state", "stored");
  await expect(upload.row("corrupt.dcm")).toHaveAttribute("data-state", "rejected");
  await expect(upload.row("corrupt.dcm")).toContainText(
    "Invalid DICOM: PhotometricInterpretation (0028,0004) contains the byte 0xF2, which CS does not allow.",
  );
  await upload.upload([conflicting]);
  await expect(upload.row("conflicting.dcm")).toHaveAttribute("data-state", "rejected");
  await expect(upload.row("conflicting.dcm")).toContainText("is already stored with different content");
});

test("the upload API sums a mixed request as 207 and a conflict alone as 409", async ({ page }) => {
  await new SignInPage(page).signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  const { good, corrupt, conflicting } = variants();
  const mixed = await page.request.post("/api/v1/studies", { multipart: { files: good, other: "x" } });
  expect(mixed.status()).toBe(201);
  const form = new FormData();
  for (const f of [corrupt, conflicting]) form.append("files", new Blob([f.buffer]), f.name);
  const both = await page.request.post("/api/v1/studies", { multipart: form });
  expect(both.status()).toBe(422); // every file refused: the first refusal's status
  expect((await both.json()).results.map((r: { error: { code: string } }) => r.error.code)).toEqual(["unprocessable", "conflict"]);
  const conflict = await page.request.post("/api/v1/studies", { multipart: { files: conflicting } });
  expect(conflict.status()).toBe(409);
  const next = variants();
  const partial = new FormData();
  for (const f of [next.good, next.corrupt]) partial.append("files", new Blob([f.buffer]), f.name);
  const some = await page.request.post("/api/v1/studies", { multipart: partial });
  expect(some.status()).toBe(207);
  expect((await some.json()).results.map((r: { status: string }) => r.status)).toEqual(["stored", "rejected"]);
});
