// A job worker killed with SIGKILL in the middle of a real, long job (predicting a 60-image study): the other worker
// takes the job over once the dead worker's lease runs out (heartbeats keep a live worker's lease fresh), finishes it,
// and every image ends with exactly one prediction.
import { afterAll, beforeAll, expect, test } from "vitest";

import { generateUid } from "@/lib/dicom/write-secondary-capture";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";
import { openFaultDb } from "./support/fault-db";
import { recordFigure } from "./support/figures";
import { startWorkerProcess, type WorkerProcess } from "./support/job-worker-process";
import { startProdServer, type ProdServer } from "./support/prod-server";
import { uploadFiles } from "./support/upload";
import { waitFor } from "./support/wait-for";

const IMAGES = 60;
let server: ProdServer;
const workers: WorkerProcess[] = [];
beforeAll(async () => {
  server = await startProdServer({ env: { JOBS_IN_PROCESS: "false" } });
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await server?.stop();
});

test("worker kill -9 mid-job: the other worker finishes it within 30 s, exactly one prediction per image", async () => {
  const token = server.token(["studies:write"]);
  const study = generateUid();
  const series = generateUid();
  const files = Array.from({ length: IMAGES }, (_, i) => ({ name: `img-${i}.dcm`, bytes: makeStudyDicom({ size: 512, studyUid: study, seriesUid: series }).bytes }));
  for (let i = 0; i < IMAGES; i += 10) {
    // No worker yet: the jobs wait in the queue. Ten files a request keeps each multipart body at ~21 MB.
    const up = await uploadFiles(server.url, token, files.slice(i, i + 10));
    expect(up.status, JSON.stringify(up.body).slice(0, 400)).toBe(201);
  }
  const db = openFaultDb(server.databaseUrl);
  try {
    const [job] = db.jobs("predict.study");
    expect(job).toMatchObject({ state: "queued" });
    workers.push(startWorkerProcess(server), startWorkerProcess(server));

    const running = await waitFor("the job to be part-way", 120_000, () => {
      const j = db.job(job!.id);
      return j?.state === "running" && j.progress > 0.05 && j.progress < 0.6 && j;
    });
    const victimPid = Number(/^worker-(\d+)-/.exec(running.lockedBy!)![1]);
    process.kill(victimPid, "SIGKILL");
    const killedAt = Date.now();
    console.log(`[worker kill] killed worker pid ${victimPid} at progress ${running.progress.toFixed(2)}`);

    const taken = await waitFor("another worker to take the job", 60_000, () => {
      const j = db.job(job!.id);
      return j && j.lockedBy !== running.lockedBy && j.state !== "queued" && j;
    });
    const takeoverS = (Date.now() - killedAt) / 1000;
    const done = await waitFor("the job to finish", 120_000, () => {
      const j = db.job(job!.id);
      return j && (j.state === "succeeded" || j.state === "failed") && j;
    });
    const finishS = (Date.now() - killedAt) / 1000;
    console.log(`[worker kill] taken over after ${takeoverS.toFixed(1)} s by ${taken.lockedBy}, finished after ${finishS.toFixed(1)} s`);
    recordFigure({ scenario: "worker kill -9 mid-job", figure: "kill → taken over (s)", value: takeoverS.toFixed(1), target: "≤ 30" });
    recordFigure({ scenario: "worker kill -9 mid-job", figure: "kill → job finished (s)", value: finishS.toFixed(1), target: "≤ 30" });

    expect(done).toMatchObject({ state: "succeeded", attempts: 2 });
    expect(finishS).toBeLessThanOrEqual(30);
    const perInstance = db.predictionsPerInstance();
    expect(perInstance).toHaveLength(IMAGES);
    recordFigure({ scenario: "worker kill -9 mid-job", figure: "images with ≠ 1 prediction", value: perInstance.filter((p) => p.n !== 1).length, target: "0" });
    expect(perInstance.every((p) => p.n === 1)).toBe(true);
  } finally {
    db.close();
  }
});
