// Deployment: the admin's Triton repository download through the production server, and the sizing figures the
// README's "Deploy" section quotes (memory and CPU of one web replica and one `npm run worker`, demo model on the
// CPU), measured on real processes as they run in the compose / Kubernetes layout (JOBS_IN_PROCESS=false on web).
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, expect, test } from "vitest";
import { uniqueRaster } from "@/lib/dicom/testing/unique-raster";
import { recordFigure } from "./support/figures";
import { descendants, processTreeRssMb } from "./support/process-tree";
import { FAULT_ADMIN, startProdServer, type ProdServer } from "./support/prod-server";
import { signIn } from "./support/session";

const IMAGES = "../shared/data/cxr-mass-nodule/images";
const jpegs = fs
  .readdirSync(IMAGES)
  .filter((f) => f.endsWith(".jpg"))
  .slice(0, 8)
  .map((f) => new Uint8Array(fs.readFileSync(path.join(IMAGES, f))));
const SCENARIO = "sizing (demo model, CPU)";

// CPU seconds (user + system) of a process tree, from /proc/<pid>/stat (fields 14 and 15, in clock ticks of 1/100 s).
function cpuSeconds(pid: number): number {
  return descendants(pid).reduce((s, p) => {
    try {
      const fields = fs.readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]!.split(" ");
      return s + (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return s;
    }
  }, 0);
}

// Samples a process tree's RSS every 250 ms while `work` runs; returns the peak in MB.
async function peakRss<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peakMb = processTreeRssMb(pid);
  const timer = setInterval(() => (peakMb = Math.max(peakMb, processTreeRssMb(pid))), 250);
  try {
    return { result: await work(), peakMb: Math.max(peakMb, processTreeRssMb(pid)) };
  } finally {
    clearInterval(timer);
  }
}

let server: ProdServer;
let worker: ChildProcess | undefined;
let readToken: string;
let predictToken: string;
beforeAll(async () => {
  server = await startProdServer({ env: { JOBS_IN_PROCESS: "false" } });
  // Made before any request: token() blocks for seconds, and pooled keep-alive sockets the server closes meanwhile
  // would fail the next fetch.
  readToken = server.token(["read"]);
  predictToken = server.token(["predict", "studies:write", "read"]);
});
afterAll(async () => {
  if (worker?.pid && worker.exitCode === null) process.kill(-worker.pid, "SIGKILL");
  await server?.stop();
});

test("GET /api/v1/models/:id/triton-repo: the admin gets the production model as a Triton repository; others are refused", async () => {
  const admin = await signIn(server.url, FAULT_ADMIN.email, FAULT_ADMIN.password);
  const models = (await (await admin.fetch("/api/v1/models")).json()) as {
    models: { id: string; name: string; version: string; sha256: string; stage: string }[];
  };
  const production = models.models.find((m) => m.stage === "production")!;
  const res = await admin.fetch(`/api/v1/models/${production.id}/triton-repo?kind=gpu&tensorrt=true`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-disposition")).toBe(`attachment; filename="triton-${production.name}.zip"`);
  const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
  expect(createHash("sha256").update(files[`${production.name}/1/model.onnx`]!).digest("hex")).toBe(production.sha256);
  const config = new TextDecoder().decode(files[`${production.name}/config.pbtxt`]);
  // The demo model has a dynamic batch axis: Triton batches it.
  expect(config).toMatch(
    /backend: "onnxruntime"[\s\S]*max_batch_size: [1-9]\d*[\s\S]*dynamic_batching[\s\S]*kind: KIND_GPU[\s\S]*name: "tensorrt"/,
  );

  const bad = await admin.fetch(`/api/v1/models/${production.id}/triton-repo?tensorrt=true`);
  expect(bad.status).toBe(422);
  expect(JSON.stringify(await bad.json())).toMatch(/TensorRT accelerator needs kind=gpu/);
  expect((await admin.fetch("/api/v1/models/nope/triton-repo")).status).toBe(404);
  expect((await fetch(`${server.url}/api/v1/models/${production.id}/triton-repo`)).status).toBe(401);
  const withToken = await fetch(`${server.url}/api/v1/models/${production.id}/triton-repo`, {
    headers: { authorization: `Bearer ${readToken}` },
  });
  expect(withToken.status).toBe(403);
});

test("one web replica and one worker: memory and CPU per prediction", async () => {
  const auth = { authorization: `Bearer ${predictToken}` };
  recordFigure({ scenario: SCENARIO, figure: "web RSS idle, model loaded (MB)", value: Math.round(server.rssMb()) });

  // The predict API at concurrency 4: 48 requests.
  const cpu0 = cpuSeconds(server.pid());
  const t0 = Date.now();
  const { peakMb } = await peakRss(server.pid(), async () => {
    for (let round = 0; round < 12; round++) {
      await Promise.all(
        [0, 1, 2, 3].map(async (k) => {
          const form = new FormData();
          form.append("file", new Blob([jpegs[(round * 4 + k) % jpegs.length]! as BlobPart], { type: "image/jpeg" }), "chest.jpg");
          const r = await fetch(`${server.url}/api/v1/predict`, { method: "POST", headers: auth, body: form });
          expect(r.status).toBe(200);
        }),
      );
    }
  });
  const webCpuPerImage = (cpuSeconds(server.pid()) - cpu0) / 48;
  recordFigure({ scenario: SCENARIO, figure: "web RSS peak, predict API c=4 (MB)", value: Math.round(peakMb) });
  recordFigure({ scenario: SCENARIO, figure: "web CPU per predict request (s)", value: webCpuPerImage.toFixed(3) });
  recordFigure({ scenario: SCENARIO, figure: "web predict throughput c=4 (img/s)", value: (48 / ((Date.now() - t0) / 1000)).toFixed(1) });

  // Uploads go to the queue; a separate `npm run worker` (same database) predicts them.
  const studies = 16;
  for (let i = 0; i < studies; i++) {
    const form = new FormData();
    form.append("files", new Blob([uniqueRaster(jpegs[i % jpegs.length]!) as BlobPart], { type: "image/jpeg" }), `study-${i}.jpg`);
    expect((await fetch(`${server.url}/api/v1/studies`, { method: "POST", headers: auth, body: form })).status).toBe(201);
  }
  worker = spawn("npm", ["run", "worker"], { env: server.env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  const workerPid = worker.pid!;
  const w0 = cpuSeconds(workerPid);
  const predicted = async () =>
    ((await (await fetch(`${server.url}/api/v1/studies?pageSize=200`, { headers: auth })).json()) as { counts: Record<string, number> })
      .counts.predicted ?? 0;
  const { peakMb: workerPeak } = await peakRss(workerPid, async () => {
    const deadline = Date.now() + 240_000;
    while ((await predicted()) < studies && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
  });
  expect(await predicted()).toBe(studies);
  recordFigure({ scenario: SCENARIO, figure: "worker RSS after its jobs (MB)", value: Math.round(processTreeRssMb(workerPid)) });
  recordFigure({ scenario: SCENARIO, figure: "worker RSS peak, 16 studies (MB)", value: Math.round(workerPeak) });
  recordFigure({
    scenario: SCENARIO,
    figure: "worker CPU per study incl. start (s)",
    value: ((cpuSeconds(workerPid) - w0) / studies).toFixed(3),
  });
  process.kill(-workerPid, "SIGTERM");
});
