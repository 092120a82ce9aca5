// Resource limits before work, through the production server: decompression bombs (PNG, JPEG, DICOM declaring huge
// images) on upload and predict, a 250 MB chunked body and an oversized JSON body → 413 early, server memory flat.
import { afterAll, beforeAll, expect, test } from "vitest";

import { bombDicom, bombJpeg, bombPng } from "@/lib/dicom/testing/bombs";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";
import { recordFigure } from "./support/figures";
import { chunkedPost, postFiles, sampleRss } from "./support/ingest-client";
import { FAULT_ADMIN, startProdServer, type ProdServer } from "./support/prod-server";
import { signIn } from "./support/session";

// 10 MB per file (50 MB per upload request): a limit an operator sets, so that "stops at the limit" is visible
// against a 250 MB body; memory held is bounded by the limit, not by what the client sends.
const MAX_UPLOAD_MB = 10;
let server: ProdServer;
let token: string;
beforeAll(async () => {
  server = await startProdServer({ env: { MAX_UPLOAD_MB: String(MAX_UPLOAD_MB) } });
  // made before the requests: `token()` runs a child process for seconds, long enough for a kept-alive connection
  // to pass the server's keep-alive timeout and be closed under the next request
  token = server.token(["studies:write", "predict"]);
});
afterAll(async () => server?.stop());

test("decompression bombs → 413 before decoding, on upload and predict, RSS growth < 100 MB", async () => {
  const bombs = [
    { name: "bomb.png", bytes: bombPng(20000, 20000, { fullData: true }) }, // ~400 kB, inflates to 400 MB
    { name: "bomb.jpg", bytes: bombJpeg(20000, 20000) },
    { name: "bomb.dcm", bytes: bombDicom(65535, 65535) },
  ];
  const rss = sampleRss(server);
  const answers: string[] = [];
  for (const b of bombs) {
    const upload = await postFiles(server.url, "/api/v1/studies", token, [b]);
    const predict = await postFiles(server.url, "/api/v1/predict", token, [b], "file");
    answers.push(`${b.name} (${Math.round(b.bytes.length / 1024)} kB): upload ${upload.status}, predict ${predict.status}`);
    expect(upload.status, b.name).toBe(413);
    expect(upload.body?.results?.[0]?.error?.message).toMatch(
      /The image declares .* pixel values; the limit is 36,000,000 \(MAX_IMAGE_PIXELS\)\./,
    );
    expect(predict.status, b.name).toBe(413);
    expect(predict.body?.error?.message).toMatch(/MAX_IMAGE_PIXELS/);
  }
  const growth = rss.stop();
  console.log(`[ingest-limits] ${answers.join("; ")}; RSS growth ${growth} MB`);
  recordFigure({
    scenario: "decompression bombs (PNG/JPEG/DICOM 20000²/65535²)",
    figure: "answers",
    value: "413 ×6 (upload + predict)",
    target: "413",
  });
  recordFigure({
    scenario: "decompression bombs (PNG/JPEG/DICOM 20000²/65535²)",
    figure: "server RSS growth (MB)",
    value: growth,
    target: "< 100",
  });
  expect(growth).toBeLessThan(100);
}, 180_000);

test("250 MB chunked bodies and an oversized JSON body → 413 as soon as the limit passes, RSS growth < 100 MB", async () => {
  const session = await signIn(server.url, FAULT_ADMIN.email, FAULT_ADMIN.password);
  const multipart = { authorization: `Bearer ${token}`, "content-type": "multipart/form-data; boundary=xyz" };
  const preamble = new TextEncoder().encode('--xyz\r\nContent-Disposition: form-data; name="files"; filename="big.dcm"\r\n\r\n');
  const rss = sampleRss(server);
  const upload = await chunkedPost(server.url, "/api/v1/studies", multipart, 250e6, preamble);
  const predict = await chunkedPost(
    server.url,
    "/api/v1/predict",
    { ...multipart, "content-type": "multipart/form-data; boundary=xyz" },
    250e6,
    preamble,
  );
  const json = await chunkedPost(
    server.url,
    "/api/v1/tokens",
    { cookie: session.cookie, origin: server.url, "content-type": "application/json" },
    50e6,
    new TextEncoder().encode('{"name":"'),
  );
  const growth = rss.stop();
  const mb = (n: number) => Math.round(n / 1e6);
  console.log(
    `[ingest-limits] chunked upload ${upload.status} after ${mb(upload.bytesSent)} MB/${upload.ms} ms; predict ${predict.status} after ${mb(predict.bytesSent)} MB; JSON ${json.status} after ${mb(json.bytesSent)} MB; RSS growth ${growth} MB`,
  );
  expect([upload.status, predict.status, json.status]).toEqual([413, 413, 413]);
  expect(JSON.parse(upload.body).error.message).toBe(`The request body is larger than ${5 * MAX_UPLOAD_MB} MB.`);
  // the client may have a few MB in flight when the answer arrives; it never gets to send the 250 MB
  expect(upload.bytesSent).toBeLessThan(5 * MAX_UPLOAD_MB * 1e6 + 30e6);
  expect(predict.bytesSent).toBeLessThan(MAX_UPLOAD_MB * 1e6 + 30e6);
  recordFigure({
    scenario: "250 MB chunked upload / predict, 50 MB JSON",
    figure: "answers",
    value: `${upload.status} / ${predict.status} / ${json.status}`,
    target: "413",
  });
  recordFigure({
    scenario: "250 MB chunked upload / predict, 50 MB JSON",
    figure: "MB sent before the 413",
    value: `${mb(upload.bytesSent)} / ${mb(predict.bytesSent)} / ${mb(json.bytesSent)}`,
    target: `≤ limit (${5 * MAX_UPLOAD_MB} / ${MAX_UPLOAD_MB} / 1) + in flight`,
  });
  recordFigure({
    scenario: "250 MB chunked upload / predict, 50 MB JSON",
    figure: "server RSS growth (MB)",
    value: growth,
    target: "< 100",
  });
  expect(growth).toBeLessThan(100);

  const wrongType = await session.fetch("/api/v1/tokens", {
    method: "POST",
    body: '{"name":"x"}',
    headers: { "content-type": "text/plain; application/json", origin: server.url },
  });
  expect(wrongType.status).toBe(415);
  expect(((await wrongType.json()) as { error: { message: string } }).error.message).toContain(
    'Content-Type "text/plain; application/json" is not application/json',
  );
}, 300_000);

test("an upload larger than Next's 10 MB proxy buffer is read whole: two 2048² 16-bit radiographs (17 MB) stored", async () => {
  const files = [0, 1].map((i) => ({ name: `large-${i}.dcm`, bytes: makeStudyDicom({ size: 2048 }).bytes }));
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  expect(total).toBeGreaterThan(10 * 1024 * 1024);
  const upload = await postFiles(server.url, "/api/v1/studies", token, files);
  expect(upload.status).toBe(201);
  expect(upload.body?.results?.map((r) => r.status)).toEqual(["stored", "stored"]);
  recordFigure({
    scenario: "upload above the proxy buffer",
    figure: "17 MB multipart upload",
    value: `${upload.status}, 2/2 stored`,
    target: "201",
  });
}, 180_000);
