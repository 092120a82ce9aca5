// SQLite as the embedded default with the worker in its own process (JOBS_IN_PROCESS=false + `npm run worker`): two
// processes write one database file while 4 clients upload for 60 s. Every upload must be stored (0 errors — before,
// 'database busy' answered 500) and every stored study predicted by the worker: nothing lost.
import { afterAll, beforeAll, expect, test } from "vitest";

import { uniqueRaster } from "@/lib/dicom/testing/unique-raster";
import { makeChestPng } from "@/test/fixtures/synthetic-study";
import { openFaultDb } from "./support/fault-db";
import { recordFigure } from "./support/figures";
import { startWorkerProcess, type WorkerProcess } from "./support/job-worker-process";
import { startProdServer, type ProdServer } from "./support/prod-server";
import { statusCounts, uploadFiles } from "./support/upload";

const CLIENTS = 4;
const SECONDS = 60;
let server: ProdServer;
let worker: WorkerProcess | undefined;
beforeAll(async () => {
  server = await startProdServer({ env: { JOBS_IN_PROCESS: "false", RATE_LIMIT_PER_MINUTE: "1000000" } });
  worker = startWorkerProcess(server);
});
afterAll(async () => {
  await worker?.stop();
  await server?.stop();
});

test("SQLite + separate worker, 4 upload clients × 60 s: 0 errors, every study predicted", async () => {
  const token = server.token(["studies:write"]);
  const png = makeChestPng(256);
  const statuses: number[] = [];
  const until = Date.now() + SECONDS * 1000;
  const client = async (c: number) => {
    for (let i = 0; Date.now() < until; i++) {
      const r = await uploadFiles(server.url, token, [{ name: `c${c}-${i}.png`, bytes: uniqueRaster(png) }]).catch(() => ({ status: 0 }));
      statuses.push(r.status);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  const stored = statuses.filter((s) => s === 201).length;
  const errors = statuses.length - stored;
  const { text } = statusCounts(statuses);
  console.log(`[sqlite uploads] ${statuses.length} uploads in ${SECONDS} s (${(statuses.length / SECONDS).toFixed(2)}/s): ${text}`);
  recordFigure({ scenario: "SQLite + worker, 4 × 60 s uploads", figure: "uploads/s", value: (statuses.length / SECONDS).toFixed(2) });
  recordFigure({ scenario: "SQLite + worker, 4 × 60 s uploads", figure: "errors (non-201)", value: errors, target: "0" });
  expect(errors).toBe(0);

  const db = openFaultDb(server.databaseUrl);
  try {
    // The worker predicts more slowly than 4 clients upload (inference on 2 shared cores): let it drain the backlog.
    const drainStart = Date.now();
    const deadline = drainStart + 420_000;
    let statusesNow = db.studyStatuses();
    while (!(statusesNow.length === 1 && statusesNow[0]!.status === "predicted") && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      statusesNow = db.studyStatuses();
    }
    const predicted = statusesNow.find((s) => s.status === "predicted")?.n ?? 0;
    recordFigure({
      scenario: "SQLite + worker, 4 × 60 s uploads",
      figure: "backlog drained after uploads (s)",
      value: ((Date.now() - drainStart) / 1000).toFixed(0),
    });
    recordFigure({
      scenario: "SQLite + worker, 4 × 60 s uploads",
      figure: "stored / predicted",
      value: `${stored} / ${predicted}`,
      target: "equal",
    });
    expect(statusesNow).toEqual([{ status: "predicted", n: stored }]);
    expect(db.jobs("predict.study").filter((j) => j.state !== "succeeded")).toEqual([]);
  } finally {
    db.close();
  }
}, 600_000);
