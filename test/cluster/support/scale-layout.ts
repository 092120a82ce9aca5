// The scale layout as real processes on this machine: PostgreSQL (a private database), Redis (a private redis-server),
// moto's S3, Triton (PyTriton serving the tiny test model), two production web instances behind a round-robin proxy,
// and `npm run worker` processes. Each part can be killed and started again where the others expect it.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { pytritonAvailable, startPyTriton, type PyTriton } from "@/lib/inference/testing/pytriton";
import { freePort } from "@/test/faults/support/free-port";
import { startWorkerProcess, type WorkerProcess } from "@/test/faults/support/job-worker-process";
import { startProdServer, type ProdServer } from "@/test/faults/support/prod-server";
import { serviceProcess, type ServiceProcess } from "@/test/faults/support/service-process";
import { createDatabase, openClusterDb, type ClusterDb } from "./cluster-db";
import { startRoundRobinProxy, type RoundRobinProxy } from "./round-robin-proxy";

const MOTO = process.env.MOTO_SERVER_BIN ?? ".data/tools/moto/bin/moto_server";
export const TINY_MODEL = path.resolve("lib/inference/testing/tiny-yolo.onnx");
/** Per token and minute, across the instances (the rate-limit scenario sends more than this). */
export const RATE_LIMIT = 30;

const tcpUp = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, "127.0.0.1", () => (s.destroy(), resolve(true)));
    s.on("error", () => resolve(false));
  });

export type ScaleLayout = {
  webs: ProdServer[];
  proxy: RoundRobinProxy;
  workers: WorkerProcess[];
  db: ClusterDb;
  redis: ServiceProcess;
  triton: { stop(): Promise<void>; start(): Promise<void> };
  startWorker(): WorkerProcess;
  stop(): Promise<void>;
};

// The tiny model as the bundled model: the first instance registers it in production on first start.
function bundledTinyModel(dir: string): string {
  fs.mkdirSync(path.join(dir, "tiny"), { recursive: true });
  fs.copyFileSync(TINY_MODEL, path.join(dir, "tiny", "model.onnx"));
  fs.writeFileSync(path.join(dir, "tiny", "model-card.json"), JSON.stringify({ name: "tiny", version: "1.0.0" }));
  return dir;
}

export async function startScaleLayout(): Promise<ScaleLayout> {
  if (!fs.existsSync(MOTO)) throw new Error(`${MOTO} not found: run scripts/ensure-moto.sh (npm test does).`);
  if (!pytritonAvailable) throw new Error("PyTriton is not installed: run scripts/ensure-pytriton.sh (npm test does).");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cxr-cluster-"));
  const [redisPort, s3Port, tritonPort] = [await freePort(), await freePort(), await freePort()];
  const s3 = `http://127.0.0.1:${s3Port}`;
  const redis = serviceProcess(
    "redis-server",
    ["--bind", "127.0.0.1", "--port", String(redisPort), "--save", "", "--appendonly", "no"],
    () => tcpUp(redisPort),
  );
  const moto = serviceProcess(MOTO, ["-H", "127.0.0.1", "-p", String(s3Port)], () =>
    fetch(s3).then(
      () => true,
      () => false,
    ),
  );
  let triton: PyTriton | undefined;
  const startTriton = async () => void (triton = await startPyTriton(TINY_MODEL, "tiny", 8, tritonPort));
  const [database] = await Promise.all([
    createDatabase(`cxr_cluster_${randomBytes(4).toString("hex")}`),
    redis.start(),
    moto.start(),
    startTriton(),
  ]);
  const credentials = { accessKeyId: "test", secretAccessKey: "test" };
  await new S3Client({ region: "us-east-1", endpoint: s3, forcePathStyle: true, credentials }).send(
    new CreateBucketCommand({ Bucket: "cxr-cluster" }),
  );

  const env: Record<string, string> = {
    DATABASE_URL: database.url,
    JOBS_IN_PROCESS: "false",
    JOB_QUEUE: "redis",
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    JOB_CONCURRENCY: "2",
    JOB_RETRY_MAX_MS: "4000", // a backend back after an outage is retried within seconds, not the default 30 s cap
    STORAGE_DRIVER: "s3",
    S3_BUCKET: "cxr-cluster",
    S3_ENDPOINT: s3,
    S3_FORCE_PATH_STYLE: "true",
    S3_ACCESS_KEY_ID: credentials.accessKeyId,
    S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    INFERENCE_BACKEND: "kserve",
    INFERENCE_KSERVE_URL: `http://127.0.0.1:${tritonPort}`,
    INFERENCE_KSERVE_MODEL: "{name}",
    INFERENCE_KSERVE_BINARY: "true",
    INFERENCE_MAX_BATCH: "8",
    BUNDLED_MODELS_DIR: bundledTinyModel(path.join(tmp, "models")),
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), // one secret: a session signed by one instance is valid on the other
    RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
  };
  const webs: ProdServer[] = [];
  const workers: WorkerProcess[] = [];
  let proxy: RoundRobinProxy | undefined;
  let db: ClusterDb | undefined;
  const stop = async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await Promise.all(webs.map((w) => w.stop()));
    await proxy?.close();
    await db?.close();
    await Promise.all([redis.kill9(), moto.kill9(), triton?.close()]);
    await database.drop().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    // The first instance migrates and bootstraps; the second starts as a replica (the migration job's role in k8s).
    webs.push(await startProdServer({ env }));
    webs.push(await startProdServer({ env: { ...env, SKIP_MIGRATIONS: "1" } }));
    proxy = await startRoundRobinProxy(webs.map((w) => w.url));
    db = await openClusterDb(database.url);
  } catch (e) {
    await stop();
    throw e;
  }
  const startWorker = () => {
    const w = startWorkerProcess(webs[0]!);
    workers.push(w);
    return w;
  };
  return {
    webs,
    proxy,
    workers,
    db,
    redis,
    triton: { stop: async () => triton?.close(), start: startTriton },
    startWorker,
    stop,
  };
}
