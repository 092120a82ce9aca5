import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./support/accounts";
import { signedInContext } from "./support/api-session";
import { syntheticDicom } from "./support/fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { WorklistPage } from "./pages/worklist-page";

// How a study comes to fail for good (bad input; the backend down past the retry deadline) is tested in
// lib/predictions/rerun-prediction.integration.test.ts and the fault suite; here the e2e server's SQLite file is set to
// that state directly, and the admin's worklist is tested end to end: the "AI failed" chip, the filter, "Re-run AI".
const DB_FILE = path.resolve(".data/e2e/cxr-review.db");

test("an admin sees a failed prediction on the worklist, re-runs it, and the study gets predicted", async ({ page, baseURL }) => {
  const stamp = String(Date.now()).slice(-7);
  const api = await signedInContext(baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
  const file = syntheticDicom({ accessionNumber: `RERUN-${stamp}` }, "rerun.dcm");
  const up = await api.post("/api/v1/studies", { multipart: { files: file } });
  expect(up.status()).toBe(201);
  const studyId = ((await up.json()) as { results: { studyId: string }[] }).results[0]!.studyId;
  const status = async () => ((await (await api.get(`/api/v1/studies/${studyId}`)).json()) as { study: { status: string } }).study.status;
  await expect.poll(status, { timeout: 60_000 }).toBe("predicted");

  const db = new Database(DB_FILE);
  db.prepare("UPDATE Study SET status = 'prediction_failed' WHERE id = ?").run(studyId);
  db.close();

  await new SignInPage(page).signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  const worklist = new WorklistPage(page);
  await worklist.open({ status: "prediction_failed", q: `RERUN-${stamp}` });
  await expect(page.getByTestId("status-chip-prediction_failed")).toContainText(/AI failed\s*\d+/);
  await expect(worklist.rows()).toHaveCount(1);
  await worklist.rerunPrediction(`RERUN-${stamp}`);
  await expect(worklist.rows()).toHaveCount(0); // no longer failed: queued again
  await expect.poll(status, { timeout: 60_000 }).toBe("predicted");

  const audit = await api.get(`/api/v1/audit?action=study.prediction_requeued`);
  expect(JSON.stringify(await audit.json())).toContain(studyId);
  await api.dispose();
});
