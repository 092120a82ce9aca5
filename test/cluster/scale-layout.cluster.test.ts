// npm run test:cluster — the scale layout as real processes: 2 web instances behind a round-robin proxy, `npm run
// worker` processes, PostgreSQL, Redis, moto's S3 and Triton (PyTriton). Scenarios run in order on one layout; each
// counts only its own studies. Figures (throughput, recovery times) go to the table printed at the end.
import fs from "node:fs";
import { afterAll, beforeAll, expect, test } from "vitest";

import { PREDICT_STUDY } from "@/lib/predictions/predict-study-job";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";
import { generateUid } from "@/lib/dicom/write-secondary-capture";
import { recordFigure } from "@/test/faults/support/figures";
import { FAULT_ADMIN } from "@/test/faults/support/prod-server";
import { signIn } from "@/test/faults/support/session";
import { statusCounts, uploadFiles } from "@/test/faults/support/upload";
import { waitFor } from "@/test/faults/support/wait-for";
import { predictOnce, uploadStudies } from "./support/load";
import { RATE_LIMIT, TINY_MODEL, startScaleLayout, type ScaleLayout } from "./support/scale-layout";

let L: ScaleLayout;
let token: string;
beforeAll(async () => {
  L = await startScaleLayout();
  token = L.webs[0]!.token(["studies:write"]);
  L.startWorker();
});
afterAll(async () => L?.stop());

const S = (ms: number) => (ms / 1000).toFixed(1);
const predicted = async () => (await L.db.studyStatuses()).predicted ?? 0;
/** Waits until `n` more studies than `before` are predicted; returns the time it took. */
async function morePredicted(before: number, n: number, ms: number): Promise<number> {
  const t0 = Date.now();
  await waitFor(`${n} more studies predicted`, ms, async () => (await predicted()) >= before + n);
  return Date.now() - t0;
}

test("200 studies through both instances are predicted exactly once; throughput of 2 instances vs 1", async () => {
  // One instance: web 1 and one worker, warmed up (first inference, connections) before it is timed.
  const warm = await predicted();
  expect(statusCounts(await uploadStudies(L.webs[0]!.url, token, 4)).counts).toEqual({ 201: 4 });
  await morePredicted(warm, 4, 120_000);
  const one = 40;
  let t0 = Date.now();
  let before = await predicted();
  const single = await uploadStudies(L.webs[0]!.url, token, one);
  expect(statusCounts(single).counts).toEqual({ 201: one });
  await morePredicted(before, one, 120_000);
  const oneRate = one / ((Date.now() - t0) / 1000);

  // Two instances: both webs behind the proxy, a second worker (started now: its start-up counts against the layout).
  L.startWorker();
  const many = 200;
  const sentBefore = [...L.proxy.sent];
  t0 = Date.now();
  before = await predicted();
  const statuses = await uploadStudies(L.proxy.url, token, many, 8);
  expect(statusCounts(statuses).counts).toEqual({ 201: many });
  await morePredicted(before, many, 240_000);
  const twoRate = many / ((Date.now() - t0) / 1000);
  const perInstance = L.proxy.sent.map((n, i) => n - sentBefore[i]!);
  expect(Math.min(...perInstance)).toBeGreaterThanOrEqual(many / 2 - 1);
  const studies = 4 + one + many;

  expect(await L.db.predictionsPerInstance()).toEqual({ 1: studies }); // every image exactly one production prediction
  expect(await L.db.jobStates(PREDICT_STUDY)).toEqual({ succeeded: studies });
  recordFigure({ scenario: "cluster: 1 web + 1 worker", figure: "upload→predicted throughput (studies/s)", value: oneRate.toFixed(2) });
  recordFigure({
    scenario: "cluster: 2 webs + 2 workers",
    figure: "upload→predicted throughput (studies/s)",
    value: twoRate.toFixed(2),
    target: `× ${(twoRate / oneRate).toFixed(2)} of one`,
  });
  recordFigure({
    scenario: "cluster: 2 webs + 2 workers",
    figure: "studies / predictions per image / failed jobs",
    value: `${studies} / exactly 1 / 0`,
    target: "each once",
  });
});

test("worker kill -9 mid-job: its job finishes on the other worker within 30 s, one prediction per image", async () => {
  const images = 60;
  const [studyUid, seriesUid] = [generateUid(), generateUid()];
  const files = Array.from({ length: images }, (_, i) => ({
    name: `img-${i}.dcm`,
    bytes: makeStudyDicom({ size: 256, studyUid, seriesUid }).bytes,
  }));
  const before = await predicted();
  const up = await uploadFiles(L.proxy.url, token, files);
  expect(up.status).toBe(201);
  const running = await waitFor("a worker part-way through the study", 60_000, async () =>
    (await L.db.running(PREDICT_STUDY)).find((j) => j.progress > 0.02 && j.progress < 0.7),
  );
  const pid = Number(/^worker-(\d+)-/.exec(running.lockedBy)![1]);
  process.kill(pid, "SIGKILL");
  const killedAt = Date.now();
  const taken = await waitFor("another worker to take the job", 60_000, async () => {
    const j = await L.db.job(running.id);
    return j && j.lockedBy !== running.lockedBy && j.state !== "queued" && j;
  });
  const takeover = Date.now() - killedAt;
  await waitFor("the job to finish", 60_000, async () => (await L.db.job(running.id))?.state === "succeeded");
  const finished = Date.now() - killedAt;
  await morePredicted(before, 1, 30_000);
  recordFigure({
    scenario: "cluster: worker kill -9 mid-study",
    figure: "taken over / finished after kill (s)",
    value: `${S(takeover)} / ${S(finished)}`,
    target: "≤ 30 s",
  });
  expect(taken.state).not.toBe("failed");
  expect(finished).toBeLessThanOrEqual(30_000);
  expect(await L.db.predictionsPerInstance()).toEqual({ 1: 244 + images });
  L.startWorker(); // back to two workers
});

test("Triton stopped and restarted: ready names inference, uploads are kept, predictions resume", async () => {
  const stopped = new Date();
  await L.triton.stop();
  const ready = await fetch(`${L.webs[1]!.url}/api/ready`);
  expect(ready.status).toBe(503);
  expect(((await ready.json()) as { down: string[] }).down).toContain("inference");
  const before = await predicted();
  const statuses = await uploadStudies(L.proxy.url, token, 10, 2);
  expect(statusCounts(statuses).counts).toEqual({ 201: 10 });
  await waitFor("a prediction to fail while Triton is away", 60_000, async () => (await L.db.retried(PREDICT_STUDY, stopped)) > 0);
  const t0 = Date.now();
  await L.triton.start();
  const tritonUp = Date.now() - t0;
  const resumed = await morePredicted(before, 10, 90_000);
  recordFigure({
    scenario: "cluster: Triton stopped, restarted",
    figure: "Triton start / all predicted after it (s)",
    value: `${S(tritonUp)} / ${S(resumed)}`,
    target: "resume",
  });
  expect((await fetch(`${L.webs[1]!.url}/api/ready`)).status).toBe(200);
  expect(Object.keys(await L.db.jobStates(PREDICT_STUDY))).toEqual(["succeeded"]); // none failed for good, none left
});

test("a stage change on one instance routes the other within 2 s", async () => {
  const admin = L.webs[0]!.token(["models:write"]);
  const predictToken = L.webs[0]!.token(["predict"]);
  const text = new TextEncoder().encode("cluster v2"); // another sha256 for the same graph (a ModelProto doc_string)
  const bytes = new Uint8Array([...fs.readFileSync(TINY_MODEL), 0x32, text.length, ...text]);
  const form = new FormData();
  form.append("file", new Blob([bytes as BlobPart]), "model.onnx");
  form.append("card", JSON.stringify({ name: "tiny", version: "2.0.0" }));
  const reg = await fetch(`${L.webs[0]!.url}/api/v1/models`, { method: "POST", body: form, headers: { authorization: `Bearer ${admin}` } });
  expect(reg.status).toBe(201);
  const { model } = (await reg.json()) as { model: { id: string } };
  const other = L.webs[1]!.url;
  expect(await predictOnce(other, predictToken)).toEqual({ status: 200, version: "1.0.0" });

  const session = await signIn(L.webs[0]!.url, FAULT_ADMIN.email, FAULT_ADMIN.password);
  const res = await session.fetch(`/api/v1/models/${model.id}/stage`, {
    method: "POST",
    body: JSON.stringify({ to: "production", reason: "cluster test" }),
    headers: { "content-type": "application/json" },
  });
  expect(res.status).toBe(200);
  const changed = Date.now();
  // Polled every 50 ms: the time is when the first request answered by the new version was sent.
  const sentAt = await waitFor("the other instance to serve 2.0.0", 10_000, async () => {
    const sent = Date.now();
    return (await predictOnce(other, predictToken)).version === "2.0.0" && sent;
  });
  recordFigure({
    scenario: "cluster: stage change on web 1",
    figure: "web 2 routes to the new version after (s)",
    value: S(sentAt - changed),
    target: "≤ 2",
  });
  expect(sentAt - changed).toBeLessThanOrEqual(2000);
});

test("the per-token rate limit holds across both instances", async () => {
  const t = L.webs[1]!.token(["predict"]);
  const before = [...L.proxy.sent];
  const sent = Math.round(RATE_LIMIT * 1.5);
  const statuses: number[] = [];
  for (let i = 0; i < sent; i++) statuses.push((await predictOnce(L.proxy.url, t)).status);
  const perInstance = L.proxy.sent.map((n, i) => n - before[i]!);
  const { counts, text } = statusCounts(statuses);
  recordFigure({
    scenario: `cluster: ${sent} predicts round-robin, limit ${RATE_LIMIT}/min`,
    figure: "answers (per instance sent)",
    value: `${text} (${perInstance.join(" + ")})`,
    target: `200×${RATE_LIMIT}, 429×${sent - RATE_LIMIT}`,
  });
  expect(counts).toEqual({ 200: RATE_LIMIT, 429: sent - RATE_LIMIT });
  expect(Math.min(...perInstance)).toBeGreaterThanOrEqual(Math.floor(sent / 2));
});

// Last, as it restarts Redis empty: the jobs come back from the database rows (the queue's reconcile pass / outbox).
test("Redis stopped for 30 s during uploads: 0 failed uploads, all predicted after it returns", async () => {
  const before = await predicted();
  await L.redis.kill9();
  const down = Date.now();
  const statuses: number[] = [];
  while (Date.now() - down < 30_000) {
    statuses.push(...(await uploadStudies(L.proxy.url, token, 2, 2)));
    await new Promise((r) => setTimeout(r, 1000));
  }
  await L.redis.start(); // empty: only the database knows the jobs
  const back = Date.now();
  const failed = statuses.filter((s) => s !== 201).length;
  let after = Number.NaN;
  try {
    await morePredicted(before, statuses.length - failed, 120_000);
    after = Date.now() - back;
  } finally {
    recordFigure({
      scenario: "cluster: Redis down 30 s during uploads",
      figure: "uploads / failed / all predicted after return (s)",
      value: `${statuses.length} / ${failed} / ${S(after)}`,
      target: "0 failed",
    });
  }
  expect(statusCounts(statuses).counts).toEqual({ 201: statuses.length });
});

// Frozen, not gone: commands hang instead of failing. Needs the BullMQ queue's command timeouts and its outbox (enqueue
// after the database commit, issue #13 part 1): the hand-written queue dispatches inside the upload's transaction and
// holds (then fails) uploads while Redis does not answer. Until that is merged, this scenario is expected to fail.
test("Redis frozen (SIGSTOP) for 30 s during uploads: 0 failed uploads, none held by it, all predicted after it resumes", async () => {
  const before = await predicted();
  L.redis.signal("SIGSTOP");
  const frozen = Date.now();
  const resumed = new Promise((r) => setTimeout(r, 30_000)).then(() => L.redis.signal("SIGCONT"));
  const statuses: number[] = [];
  const times: number[] = [];
  const lane = async () => {
    while (Date.now() - frozen < 30_000) {
      const t0 = Date.now();
      statuses.push(...(await uploadStudies(L.proxy.url, token, 1, 1)));
      times.push(Date.now() - t0);
      await new Promise((r) => setTimeout(r, 1000));
    }
  };
  try {
    await Promise.all([lane(), lane()]);
  } finally {
    await resumed;
  }
  const back = Date.now();
  const failed = statuses.filter((s) => s !== 201).length;
  const slowest = Math.max(...times);
  let after = Number.NaN;
  try {
    await morePredicted(before, statuses.length - failed, 120_000);
    after = Date.now() - back;
  } finally {
    recordFigure({
      scenario: "cluster: Redis frozen 30 s during uploads",
      figure: "uploads / failed / slowest upload / all predicted after resume (s)",
      value: `${statuses.length} / ${failed} / ${S(slowest)} / ${S(after)}`,
      target: "0 failed, ≤ 10 s",
    });
  }
  expect(statusCounts(statuses).counts).toEqual({ 201: statuses.length });
  expect(slowest).toBeLessThanOrEqual(10_000); // an upload is not held by a Redis that does not answer
});
