// A job worker killed with SIGKILL in the middle of a real, long job (predicting a 60-image study): the other worker
// takes the job over once the dead worker's lease runs out (heartbeats keep a live worker's lease fresh), finishes it,
// and every image ends with exactly one prediction. On both queues: the database's lease, BullMQ's stalled-job check.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { generateUid } from "@/lib/dicom/write-secondary-capture";
import { makeStudyDicom } from "@/test/fixtures/synthetic-study";
import { openFaultDb } from "./support/fault-db";
import { recordFigure } from "./support/figures";
import { freePort } from "./support/free-port";
import { startWorkerProcess, type WorkerProcess } from "./support/job-worker-process";
import { startProdServer, type ProdServer } from "./support/prod-server";
import { serviceProcess, type ServiceProcess } from "./support/service-process";
import { uploadFiles } from "./support/upload";
import { waitFor } from "./support/wait-for";

const IMAGES = 60;
const tcpUp = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, "127.0.0.1", () => (s.destroy(), resolve(true)));
    s.on("error", () => resolve(false));
  });

// The same scenario on the database queue (lease expiry) and on BullMQ (its stalled-job check), each with its own server.
describe.each(["database", "redis"] as const)("%s queue", (queue) => {
  let server: ProdServer;
  let redis: ServiceProcess | undefined;
  const workers: WorkerProcess[] = [];
  beforeAll(async () => {
    const env: Record<string, string> = { JOBS_IN_PROCESS: "false" };
    if (queue === "redis") {
      const port = await freePort();
      redis = serviceProcess("redis-server", ["--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no"], () =>
        tcpUp(port),
      );
      await redis.start();
      Object.assign(env, { JOB_QUEUE: "redis", REDIS_URL: `redis://127.0.0.1:${port}` });
    }
    server = await startProdServer({ env });
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await server?.stop();
    await redis?.kill9();
  });

  test("worker kill -9 mid-job: the other worker finishes it within 30 s, exactly one prediction per image", async () => {
    const token = server.token(["studies:write"]);
    const study = generateUid();
    const series = generateUid();
    const files = Array.from({ length: IMAGES }, (_, i) => ({
      name: `img-${i}.dcm`,
      bytes: makeStudyDicom({ size: 512, studyUid: study, seriesUid: series }).bytes,
    }));
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
      console.log(`[worker kill/${queue}] killed worker pid ${victimPid} at progress ${running.progress.toFixed(2)}`);

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
      console.log(
        `[worker kill/${queue}] taken over after ${takeoverS.toFixed(1)} s by ${taken.lockedBy}, finished after ${finishS.toFixed(1)} s`,
      );
      recordFigure({
        scenario: `worker kill -9 mid-job (${queue})`,
        figure: "kill → taken over (s)",
        value: takeoverS.toFixed(1),
        target: "≤ 30",
      });
      recordFigure({
        scenario: `worker kill -9 mid-job (${queue})`,
        figure: "kill → job finished (s)",
        value: finishS.toFixed(1),
        target: "≤ 30",
      });

      expect(done).toMatchObject({ state: "succeeded", attempts: 2 });
      expect(finishS).toBeLessThanOrEqual(30);
      const perInstance = db.predictionsPerInstance();
      expect(perInstance).toHaveLength(IMAGES);
      recordFigure({
        scenario: `worker kill -9 mid-job (${queue})`,
        figure: "images with ≠ 1 prediction",
        value: perInstance.filter((p) => p.n !== 1).length,
        target: "0",
      });
      expect(perInstance.every((p) => p.n === 1)).toBe(true);
    } finally {
      db.close();
    }
  });
});
