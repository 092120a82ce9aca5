// Query/retrieve from a real Orthanc (started here on free ports): an admin connects and tests it (and sees a wrong
// password reported as the PACS's 401), a radiologist searches the PACS from the worklist and pulls a study, which
// arrives on the worklist predicted.
import { expect, test } from "@playwright/test";
import { dcmtkAvailable, ORTHANC_MISSING, orthancAvailable, startOrthanc, type Orthanc } from "@/lib/pacs/testing/orthanc";
import { makeChestDxStudy } from "@/lib/pacs/testing/pacs-fixtures";
import { E2E_ADMIN } from "./support/accounts";
import { signedInContext } from "./support/api-session";
import { PacsAdminPage } from "./pages/pacs-admin-page";
import { PacsSearchPanel } from "./pages/pacs-search-panel";
import { SignInPage } from "./pages/sign-in-page";

const available = orthancAvailable() && dcmtkAvailable();
if (!available && process.env.CI) throw new Error(`${ORTHANC_MISSING}; DCMTK too`);

test.describe("PACS query/retrieve", () => {
  test.skip(!available, ORTHANC_MISSING);
  let orthanc: Orthanc;
  const stamp = Date.now().toString(36).toUpperCase();
  const accession = `E2EP-${stamp}`; // SH: at most 16 characters
  const good = `A-Orthanc-${stamp}`;

  test.beforeAll(async () => {
    orthanc = await startOrthanc({ users: { app: "pacs-e2e-pw" } });
    for (const f of makeChestDxStudy({ patientId: `E2E-PACS-P-${stamp}`, accessionNumber: accession }).files) await orthanc.upload(f);
  });
  test.afterAll(async () => orthanc?.stop());

  test("an admin adds a PACS connection and tests it; a wrong password shows the PACS's 401", async ({ page }) => {
    await new SignInPage(page).signIn(E2E_ADMIN.email, E2E_ADMIN.password);
    const admin = new PacsAdminPage(page);
    await admin.open();
    await admin.add({
      name: good,
      url: orthanc.dicomWebUrl,
      username: "app",
      password: "pacs-e2e-pw",
      aeTitle: orthanc.aeTitle,
      port: orthanc.dicomPort,
    });
    const ok = await admin.test(good);
    await expect(ok).toHaveAttribute("data-ok", "true");
    await expect(ok).toContainText("C-ECHO");
    await admin.add({ name: `Z-wrong-${stamp}`, url: orthanc.dicomWebUrl, username: "app", password: "not-the-password" });
    const bad = await admin.test(`Z-wrong-${stamp}`);
    await expect(bad).toHaveAttribute("data-ok", "false");
    await expect(bad).toContainText("401 from the PACS");
  });

  test("a radiologist searches the PACS from the worklist and pulls a study; it arrives predicted", async ({ baseURL, page }) => {
    const api = await signedInContext(baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
    const reader = { email: `pacs-reader-${stamp.toLowerCase()}@e2e.local`, password: "pacs-reader-password" };
    expect((await api.post("/api/v1/users", { data: { ...reader, name: "PACS Reader", role: "radiologist" } })).status()).toBe(201);
    await new SignInPage(page).signIn(reader.email, reader.password);
    const panel = new PacsSearchPanel(page);
    await panel.open();
    const row = await panel.searchAccession(good, accession);
    await expect(row).toContainText(`E2E-PACS-P-${stamp}`); // readers see the patient ID
    await panel.pull(accession);
    await page.getByTestId("pacs-search-toggle").click();
    const item = page.getByTestId("worklist-row").filter({ hasText: accession });
    await expect(item).toBeVisible();
    await expect(item).toContainText("AI done", { timeout: 60_000 }); // status predicted: the AI ran on it
    await panel.open();
    await expect(await panel.searchAccession(good, accession)).toContainText("in worklist"); // marked as already here
  });
});
