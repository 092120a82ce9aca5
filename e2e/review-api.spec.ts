import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_ADMIN } from "./support/accounts";
import { signedInContext } from "./support/api-session";
import { chestPng, nihJpeg } from "./support/fixtures";

const NIH = path.resolve("../shared/data/cxr-mass-nodule/images/00000032_033.jpg");

async function waitForPrediction(ctx: APIRequestContext, studyId: string) {
  await expect
    .poll(async () => (await (await ctx.get(`/api/v1/studies/${studyId}/review`)).json()).studyStatus, { timeout: 60_000 })
    .toBe("predicted");
}

test("review over HTTP with real sessions: save, a concurrent stale save gets 409, sign-off locks, history is kept", async ({
  baseURL,
}) => {
  const admin = await signedInContext(baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
  const email = `reader-${Date.now()}@e2e.local`;
  expect(
    (await admin.post("/api/v1/users", { data: { email, name: "Reader", role: "radiologist", password: "reader-password-2" } })).status(),
  ).toBe(201);
  const file = fs.existsSync(NIH) ? nihJpeg(NIH, "nih.jpg") : chestPng("review.png");
  const up = await admin.post("/api/v1/studies", { multipart: { files: file } });
  const studyId = (await up.json()).results[0].studyId as string;
  const tabA = await signedInContext(baseURL!, email, "reader-password-2");
  const tabB = await signedInContext(baseURL!, email, "reader-password-2"); // the same study open in a second session
  await waitForPrediction(tabA, studyId);

  expect((await tabA.post(`/api/v1/studies/${studyId}/review`)).status()).toBe(201);
  const state = await (await tabA.get(`/api/v1/studies/${studyId}/review`)).json();
  expect(state.review.version).toBe(1);
  const ops: unknown[] = [{ op: "add", box: [10, 10, 60, 60], className: "Nodule/Mass" }];
  if (state.findings.length > 0) ops.push({ op: "accept", findingId: state.findings[0].id });
  const saved = await tabA.patch(`/api/v1/studies/${studyId}/review`, { data: { version: 1, operations: ops } });
  expect(saved.status()).toBe(200);
  expect((await saved.json()).review.version).toBe(2);

  const [a, b] = await Promise.all([
    tabA.patch(`/api/v1/studies/${studyId}/review`, { data: { version: 2, operations: [], comment: "from A" } }),
    tabB.patch(`/api/v1/studies/${studyId}/review`, { data: { version: 2, operations: [], comment: "from B" } }),
  ]);
  expect([a.status(), b.status()].sort()).toEqual([200, 409]);
  const loser = a.status() === 409 ? a : b;
  expect((await loser.json()).error).toMatchObject({ code: "conflict", details: { currentVersion: 3 } });

  const bad = await tabA.patch(`/api/v1/studies/${studyId}/review`, {
    data: { version: 3, operations: [{ op: "add", box: [50, 50, 10, 10], className: "ILD" }] },
  });
  expect(bad.status()).toBe(422);
  const signed = await tabA.post(`/api/v1/studies/${studyId}/review/sign-off`, { data: { version: 3, impression: "abnormal" } });
  expect(signed.status()).toBe(200);
  const locked = await tabB.patch(`/api/v1/studies/${studyId}/review`, { data: { version: 4, operations: [] } });
  expect(locked.status()).toBe(409);
  expect((await locked.json()).error.message).toMatch(/signed off/);

  const history = await (await tabA.get(`/api/v1/reviews/${state.review.id}/history`)).json();
  expect(history.revisions.map((r: { change: string }) => r.change).sort()).toEqual(ops.map((o) => (o as { op: string }).op).sort());
  expect(history.revisions[0].author.email).toBe(email);
  const worklist = await (await admin.get(`/api/v1/studies?q=&status=signed_off`)).json();
  expect(worklist.items.map((i: { id: string }) => i.id)).toContain(studyId);
});
