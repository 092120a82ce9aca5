// The inference backend (a KServe v2 server process running the bundled model) stopped and started again while
// studies arrive: uploads still answer 2xx (stored), /api/ready names inference as down, the predict jobs keep
// retrying with backoff instead of failing, and every study uploaded meanwhile is predicted soon after the return.
// A viewer left open on such a study learns of its prediction over the event stream, which outlives the outage.
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";

import { uniqueRaster } from "@/lib/dicom/testing/unique-raster";
import { makeChestPng } from "@/test/fixtures/synthetic-study";
import { openFaultDb } from "./support/fault-db";
import { recordFigure } from "./support/figures";
import { freePort } from "./support/free-port";
import { FAULT_ADMIN, startProdServer, type ProdServer } from "./support/prod-server";
import { signIn } from "./support/session";
import { openSse } from "./support/sse";
import { uploadFiles } from "./support/upload";
import { v2ServerProcess, type V2ServerProcess } from "./support/v2-server-process";
import { waitFor } from "./support/wait-for";

const STUDIES = 5;
const OUTAGE_S = 25;
let server: ProdServer;
let backend: V2ServerProcess;
beforeAll(async () => {
  backend = v2ServerProcess(await freePort(), { "demo-nodule-mass": path.resolve("models/demo-nodule-mass/model.onnx") });
  await backend.start();
  server = await startProdServer({
    env: { INFERENCE_BACKEND: "kserve", INFERENCE_KSERVE_URL: backend.url, READY_CHECK_TIMEOUT_MS: "2000" },
  });
});
afterAll(async () => {
  await server?.stop();
  await backend?.kill9();
});

const ready = async () => {
  const res = await fetch(`${server.url}/api/ready`);
  return { status: res.status, body: (await res.json()) as { down: string[]; checks: Record<string, { ok: boolean; detail?: string }> } };
};

test("inference backend down then back: uploads stored, ready says so, every study predicted within a minute of the return", async () => {
  const token = server.token(["studies:write", "predict"]);
  const db = openFaultDb(server.databaseUrl);
  try {
    expect((await ready()).status).toBe(200);
    await backend.kill9();
    const down = await ready();
    expect(down.status).toBe(503);
    expect(down.body.down).toContain("inference");
    recordFigure({
      scenario: "inference backend down",
      figure: "/api/ready",
      value: `${down.status}, down: ${down.body.down.join(", ")}`,
      target: "503 naming inference",
    });

    const png = makeChestPng(512);
    // The synchronous predict API has nothing to queue into: a 503 that says when to retry (it was a 500).
    const form = new FormData();
    form.append("file", new Blob([png as BlobPart], { type: "image/png" }), "chest.png");
    const predict = await fetch(`${server.url}/api/v1/predict`, {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    const predictBody = (await predict.json()) as { error: { code: string; message: string } };
    recordFigure({
      scenario: "inference backend down",
      figure: "POST /api/v1/predict",
      value: `${predict.status}, Retry-After ${predict.headers.get("retry-after")}`,
      target: "503 + Retry-After",
    });
    expect(predict.status).toBe(503);
    expect(predict.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(predictBody.error.code).toBe("unavailable");
    const uploads = [];
    for (let i = 0; i < STUDIES; i++)
      uploads.push(await uploadFiles(server.url, token, [{ name: `outage-${i}.png`, bytes: uniqueRaster(png) }]));
    expect(uploads.map((u) => u.status)).toEqual(Array(STUDIES).fill(201));
    recordFigure({
      scenario: "inference backend down",
      figure: "uploads meanwhile",
      value: uploads.map((u) => u.status).join(" "),
      target: "2xx (stored)",
    });
    // A reader opens one of them: its event stream says "not scored yet" and stays open through the outage.
    const watched = (uploads[0]!.body as { results: { studyId: string }[] }).results[0]!.studyId;
    const stream = await openSse(await signIn(server.url, FAULT_ADMIN.email, FAULT_ADMIN.password), `/api/v1/studies/${watched}/events`);

    await new Promise((r) => setTimeout(r, OUTAGE_S * 1000));
    const jobs = db.jobs("predict.study");
    expect(jobs).toHaveLength(STUDIES);
    expect(jobs.every((j) => j.state !== "failed" && j.state !== "succeeded")).toBe(true); // still retrying, none given up
    expect(Math.min(...jobs.map((j) => j.attempts))).toBeGreaterThanOrEqual(2);
    expect(db.studyStatuses()).toEqual([{ status: "new", n: STUDIES }]);
    console.log(
      `[inference outage] after ${OUTAGE_S} s down: attempts ${jobs.map((j) => j.attempts).join(", ")}; last error: ${jobs[0]!.error}`,
    );

    await backend.start();
    const back = Date.now();
    await waitFor("every study predicted", 90_000, () => {
      const statuses = db.studyStatuses();
      return statuses.length === 1 && statuses[0]!.status === "predicted";
    });
    const seconds = (Date.now() - back) / 1000;
    console.log(`[inference outage] all ${STUDIES} studies predicted ${seconds.toFixed(1)} s after the backend returned`);
    recordFigure({
      scenario: "inference backend back",
      figure: `all ${STUDIES} studies predicted after return (s)`,
      value: seconds.toFixed(1),
      target: "≤ 60",
    });
    expect(seconds).toBeLessThanOrEqual(60);
    await waitFor("the open event stream reports the prediction", 10_000, () =>
      stream.events.some((e) => (e.data as { status: string }).status === "predicted"),
    );
    stream.close();
    const states = stream.events.map(
      (e) => `${(e.data as { status: string; predictions: number }).status}/${(e.data as { predictions: number }).predictions}`,
    );
    expect(states[0]).toBe("new/0"); // one event per change, none repeated while nothing changed
    expect(states.at(-1)).toBe("predicted/1");
    expect(new Set(states).size).toBe(states.length);
    recordFigure({
      scenario: "inference backend back",
      figure: "open viewer's event stream",
      value: states.join(" → "),
      target: "new/0 → predicted/1",
    });
    expect(db.jobs("predict.study").every((j) => j.state === "succeeded")).toBe(true);
    expect((await ready()).status).toBe(200);
  } finally {
    db.close();
  }
});
