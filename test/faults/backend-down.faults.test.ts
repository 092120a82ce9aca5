// The scale backends down under the production server: Redis (JOB_QUEUE=redis) and S3 (moto's server). Redis down:
// uploads are still stored (the job row is the truth), ready names the queue, and once Redis is back the worker's
// reconcile pass dispatches the waiting job without anyone acting. Redis stalled (SIGSTOP): uploads answer at once
// (dispatch happens after the row, never awaited), predicted once it resumes. S3 down: ready names storage and an upload answers
// 503 with Retry-After and no internals (it was a 500).
import fs from "node:fs";
import net from "node:net";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, expect, test } from "vitest";

import { uniqueRaster } from "@/lib/dicom/testing/unique-raster";
import { makeChestPng } from "@/test/fixtures/synthetic-study";
import { openFaultDb } from "./support/fault-db";
import { recordFigure } from "./support/figures";
import { freePort } from "./support/free-port";
import { startProdServer, type ProdServer } from "./support/prod-server";
import { serviceProcess, type ServiceProcess } from "./support/service-process";
import { uploadFiles } from "./support/upload";
import { waitFor } from "./support/wait-for";

const MOTO = process.env.MOTO_SERVER_BIN ?? ".data/tools/moto/bin/moto_server";
if (!fs.existsSync(MOTO)) throw new Error(`${MOTO} not found: run scripts/ensure-moto.sh (npm test does).`);

const tcpUp = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, "127.0.0.1", () => (s.destroy(), resolve(true)));
    s.on("error", () => resolve(false));
  });

let server: ProdServer;
let redis: ServiceProcess;
let s3: ServiceProcess;
beforeAll(async () => {
  const [redisPort, s3Port] = [await freePort(), await freePort()];
  const endpoint = `http://127.0.0.1:${s3Port}`;
  redis = serviceProcess("redis-server", ["--bind", "127.0.0.1", "--port", String(redisPort), "--save", "", "--appendonly", "no"], () =>
    tcpUp(redisPort),
  );
  s3 = serviceProcess(MOTO, ["-H", "127.0.0.1", "-p", String(s3Port)], () =>
    fetch(endpoint).then(
      () => true,
      () => false,
    ),
  );
  await Promise.all([redis.start(), s3.start()]);
  const credentials = { accessKeyId: "test", secretAccessKey: "test" };
  await new S3Client({ region: "us-east-1", endpoint, forcePathStyle: true, credentials }).send(
    new CreateBucketCommand({ Bucket: "cxr-faults" }),
  );
  server = await startProdServer({
    env: {
      JOB_QUEUE: "redis",
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      STORAGE_DRIVER: "s3",
      S3_BUCKET: "cxr-faults",
      S3_ENDPOINT: endpoint,
      S3_FORCE_PATH_STYLE: "true",
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    },
  });
});
afterAll(async () => {
  await server?.stop();
  await Promise.all([redis?.kill9(), s3?.kill9()]);
});

const ready = async () => {
  const res = await fetch(`${server.url}/api/ready`);
  return { status: res.status, down: ((await res.json()) as { down: string[] }).down };
};

test("Redis down then back, then S3 down: uploads stored or 503 + Retry-After, ready names the backend, nothing lost", async () => {
  const token = server.token(["studies:write"]);
  const png = makeChestPng(256);
  expect(await ready()).toEqual({ status: 200, down: [] });

  await redis.kill9();
  const noRedis = await ready();
  expect(noRedis).toEqual({ status: 503, down: ["jobQueue"] });
  const up = await uploadFiles(server.url, token, [{ name: "during-redis-outage.png", bytes: uniqueRaster(png) }]);
  expect(up.status).toBe(201);
  recordFigure({
    scenario: "Redis down (JOB_QUEUE=redis)",
    figure: "ready / upload",
    value: `${noRedis.status} [${noRedis.down}] / ${up.status}`,
    target: "503 [jobQueue] / 201",
  });

  await redis.start(); // empty: the queue's sorted sets are gone, only the database knows the job
  const back = Date.now();
  const db = openFaultDb(server.databaseUrl);
  try {
    await waitFor("the study uploaded during the outage to be predicted", 60_000, () =>
      db.studyStatuses().every((s) => s.status === "predicted"),
    );
  } finally {
    db.close();
  }
  const seconds = (Date.now() - back) / 1000;
  recordFigure({ scenario: "Redis back (empty)", figure: "study predicted after return (s)", value: seconds.toFixed(1), target: "≤ 60" });
  expect(await ready()).toEqual({ status: 200, down: [] });

  // Redis stalled (SIGSTOP: connections stay open, nothing answers) past its command timeout during uploads: each
  // upload writes its job row and answers without waiting for Redis; dispatch follows once Redis answers again.
  redis.pause();
  const stalledMs: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const t0 = Date.now();
      const res = await uploadFiles(server.url, token, [{ name: `during-redis-stall-${i}.png`, bytes: uniqueRaster(png) }]);
      stalledMs.push(Date.now() - t0);
      expect(res.status).toBe(201);
    }
    await new Promise((r) => setTimeout(r, 6000)); // past REDIS_COMMAND_TIMEOUT_MS (5 s): dispatches time out
  } finally {
    redis.resume();
  }
  const resumed = Date.now();
  const db2 = openFaultDb(server.databaseUrl);
  try {
    await waitFor("the studies uploaded while Redis stalled to be predicted", 60_000, () =>
      db2.studyStatuses().every((s) => s.status === "predicted"),
    );
  } finally {
    db2.close();
  }
  recordFigure({
    scenario: "Redis stalled (SIGSTOP)",
    figure: "slowest upload (ms) / predicted after resume (s)",
    value: `${Math.max(...stalledMs)} / ${((Date.now() - resumed) / 1000).toFixed(1)}`,
    target: "< 4000 / ≤ 60",
  });
  expect(Math.max(...stalledMs)).toBeLessThan(4000);

  await s3.kill9();
  const noS3 = await ready();
  expect(noS3.status).toBe(503);
  expect(noS3.down).toContain("storage");
  const refused = await uploadFiles(server.url, token, [{ name: "during-s3-outage.png", bytes: uniqueRaster(png) }]);
  recordFigure({
    scenario: "S3 down",
    figure: "ready / upload",
    value: `${noS3.status} [${noS3.down}] / ${refused.status}, Retry-After ${refused.retryAfter}`,
    target: "503 [storage] / 503 + Retry-After",
  });
  expect(refused.status).toBe(503);
  expect(refused.retryAfter).toMatch(/^\d+$/);
  expect(JSON.stringify(refused.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);
});
