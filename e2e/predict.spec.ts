import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_ADMIN } from "./support/accounts";
import { bearerContext, signedInContext } from "./support/api-session";
import { chestPng, realOrSyntheticDicom } from "./support/fixtures";

let machine: APIRequestContext;

function formOf(files: { name: string; mimeType: string; buffer: Buffer }[]): FormData {
  const form = new FormData();
  for (const f of files) form.append("files", new Blob([new Uint8Array(f.buffer)], { type: f.mimeType }), f.name);
  return form;
}

test.beforeAll(async ({ baseURL }) => {
  const admin = await signedInContext(baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
  const t = await admin.post("/api/v1/tokens", { data: { name: "pacs-router", scopes: ["predict"] } });
  machine = await bearerContext(baseURL!, (await t.json()).token.token);
});

const NIH_JPG = path.resolve("../shared/data/cxr-mass-nodule/images");

test("a machine client predicts on one image through /predict and /api/v1/predict alike", async () => {
  const jpg = fs.existsSync(NIH_JPG) ? fs.readdirSync(NIH_JPG).find((f) => f.endsWith(".jpg")) : undefined;
  const file = jpg ? { name: jpg, mimeType: "image/jpeg", buffer: fs.readFileSync(path.join(NIH_JPG, jpg)) } : chestPng();
  for (const url of ["/predict", "/api/v1/predict"]) {
    const res = await machine.post(url, { multipart: { file } });
    expect(res.status(), url).toBe(200);
    const body = await res.json();
    expect(body.model).toEqual({ name: "demo-nodule-mass", version: expect.any(String) });
    expect(typeof body.inference_time).toBe("number");
    expect(Array.isArray(body.predictions)).toBe(true);
    for (const p of body.predictions)
      expect(p).toMatchObject({
        class: expect.any(String),
        confidence: expect.any(Number),
        bbox: [expect.any(Number), expect.any(Number), expect.any(Number), expect.any(Number)],
      });
    expect(JSON.stringify(body)).not.toMatch(/patient/i);
  }
});

test("batch answers per file, in order, with errors per file", async () => {
  const dicom = realOrSyntheticDicom("nhsx-nih-dicom/nih_cxr_dx_covid0000.dcm", {});
  const res = await machine.post("/predict/batch", {
    multipart: formOf([chestPng("a.png"), { name: "b.txt", mimeType: "text/plain", buffer: Buffer.from("hello, not an image") }, dicom]),
  });
  expect(res.status()).toBe(200);
  const { results } = await res.json();
  expect(results.map((r: { file: string; ok: boolean }) => [r.file, r.ok])).toEqual([
    ["a.png", true],
    ["b.txt", false],
    [dicom.name, true],
  ]);
  expect(results[1].error.code).toBe("unsupported_media_type");
});

test("bad requests get a clear 4xx and the server stays up", async () => {
  expect((await machine.post("/predict", { multipart: { other: "x" } })).status()).toBe(400);
  expect(
    (await machine.post("/predict", { multipart: { file: { name: "e.png", mimeType: "image/png", buffer: Buffer.alloc(0) } } })).status(),
  ).toBe(400);
  const many = Array.from({ length: 100 }, (_, i) => chestPng(`${i}.png`));
  const tooMany = await machine.post("/predict/batch", { multipart: formOf(many) });
  expect(tooMany.status()).toBe(413);
  expect((await machine.get("/api/health")).status()).toBe(200);
});

test("readiness reports the production model as loaded and names its execution provider", async ({ request }) => {
  const ready = await (await request.get("/api/ready")).json();
  expect(ready.ready).toBe(true);
  expect(ready.checks.model).toEqual({ ok: true, detail: expect.stringMatching(/^demo-nodule-mass .+ loaded on (cpu|cuda)$/) });
});
