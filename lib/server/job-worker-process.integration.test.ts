import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db, openDb } from "@/lib/db";
import { createJobRow } from "@/lib/jobs/db-queue";
import { startPrivateRedis, type PrivateRedis } from "@/lib/jobs/testing/private-redis";
import { createTempDb } from "@/test/support/temp-database";

// `npm run worker` as a real process on the Redis queue: it refuses to start on wrong credentials (exit 2, one
// clear line, no retry loop), and a healthy one serves /metrics on WORKER_METRICS_PORT and enqueues the periodic
// checks (one per period) once there is something to check.
const redisUp = await new Promise<boolean>((resolve) => {
  const s = net.connect(6379, "127.0.0.1", () => (s.destroy(), resolve(true)));
  s.on("error", () => resolve(false));
});
const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

function startWorker(env: Record<string, string>) {
  const child = spawn("node_modules/.bin/tsx", ["workers/job-worker.ts"], {
    env: { ...process.env, LOG_LEVEL: "info", JOB_QUEUE: "redis", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exit = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return { child, exit, output: () => output };
}

let redis: PrivateRedis | undefined;
afterAll(async () => {
  await redis?.stop();
});

describe.skipIf(!redisUp)("npm run worker (Redis queue)", () => {
  it("exits non-zero at once with a clear message when Redis refuses its password", async () => {
    redis = await startPrivateRedis({ password: "the-right-one" });
    const w = startWorker({ REDIS_URL: `redis://:not-it@127.0.0.1:${redis.port}` });
    const code = await Promise.race([w.exit, new Promise<"hung">((r) => setTimeout(() => r("hung"), 60_000))]);
    if (code === "hung") w.child.kill("SIGKILL");
    expect(code).toBe(2);
    expect(w.output()).toMatch(/refused the credentials in REDIS_URL/);
    expect(w.output()).not.toContain("not-it"); // the password never reaches the log
    expect(w.output().match(/WRONGPASS/g)?.length ?? 0).toBeLessThanOrEqual(1);
  }, 90_000);

  it("serves /metrics per job family, and enqueues the hourly canary check once for two workers", async () => {
    redis ??= await startPrivateRedis({ password: "the-right-one" });
    // A database of its own: the workers dispatch every queued row, and other files of the run leave theirs (model
    // registrations queue evaluations) — those would run here too and add to the counts this test reads.
    const own = await createTempDb(process.env.TEST_DB === "postgres" ? "postgres" : "sqlite", "cxr_worker_metrics");
    const ownDb = openDb(own.url);
    await ownDb.modelVersion.create({
      data: {
        name: "canary-metrics",
        version: "1",
        stage: "canary",
        sha256: "c".repeat(64),
        storageKey: "none",
        sizeBytes: 1,
        inputSize: 640,
        headType: "end2end",
        classes: [],
        thresholds: {},
        modelCard: {},
      },
    });
    const ports = [await freePort(), await freePort()];
    const workers = ports.map((p) => startWorker({ REDIS_URL: redis!.url, WORKER_METRICS_PORT: String(p), DATABASE_URL: own.url }));
    try {
      const body = await vi.waitFor(
        async () => {
          const res = await fetch(`http://127.0.0.1:${ports[0]}/metrics`);
          expect(res.status).toBe(200);
          return res.text();
        },
        { timeout: 60_000, interval: 500 },
      );
      expect(body).toMatch(/^cxr_job_queue_depth\{family="predict"\} \d+$/m);
      expect(body).toMatch(/^cxr_job_queue_depth\{family="training"\} \d+$/m);
      // The second worker starts on its own clock (a loaded CI machine may take seconds longer): wait for it too.
      await vi.waitFor(async () => expect((await fetch(`http://127.0.0.1:${ports[1]}/metrics`)).status).toBe(200), {
        timeout: 60_000,
        interval: 500,
      });
      expect((await fetch(`http://127.0.0.1:${ports[0]}/other`)).status).toBe(404);
      const checks = await vi.waitFor(
        async () => {
          const rows = await ownDb.job.findMany({ where: { type: "canary.check" } });
          expect(rows.length).toBeGreaterThan(0);
          return rows;
        },
        { timeout: 30_000, interval: 200 },
      );
      expect(checks.map((r) => r.id)).toEqual([expect.stringMatching(/^canary\.check@\d{8}T\d{2}0000$/)]);
      // The check ran on one of the workers; its latency is in that worker's metrics.
      await vi.waitFor(async () => expect((await ownDb.job.findUniqueOrThrow({ where: { id: checks[0]!.id } })).state).toBe("succeeded"), {
        timeout: 30_000,
        interval: 200,
      });
      // The row is marked succeeded just before the worker records the run's latency: scrape until it is there.
      await vi.waitFor(
        async () => {
          const scraped = (await Promise.all(ports.map((p) => fetch(`http://127.0.0.1:${p}/metrics`).then((r) => r.text())))).join("\n");
          expect(scraped).toMatch(/^cxr_job_run_seconds_count\{family="evaluation",outcome="succeeded"\} 1$/m);
        },
        { timeout: 10_000, interval: 200 },
      );
    } finally {
      for (const w of workers) w.child.kill("SIGTERM");
      await Promise.all(workers.map((w) => w.exit));
      await ownDb.$disconnect();
      await own.drop();
    }
  }, 150_000);

  it("connects over TLS (rediss://): a job stored while no worker ran is dispatched and run", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxrq-tls-"));
    const [cert, key] = [path.join(dir, "tls.crt"), path.join(dir, "tls.key")];
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        key,
        "-out",
        cert,
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
      ],
      { stdio: "ignore" },
    );
    const tls = await startPrivateRedis({ tls: { cert, key } });
    // The row only (what the outbox leaves when Redis is away): the worker's reconcile pass dispatches it over TLS.
    const row = await createJobRow("canary.check", {});
    const w = startWorker({ REDIS_URL: tls.url, NODE_EXTRA_CA_CERTS: cert }); // Node trusts the test's own CA
    try {
      expect(tls.url).toMatch(/^rediss:\/\//);
      await vi.waitFor(async () => expect((await db.job.findUniqueOrThrow({ where: { id: row.id } })).state).toBe("succeeded"), {
        timeout: 60_000,
        interval: 250,
      });
    } finally {
      w.child.kill("SIGTERM");
      await w.exit;
      await tls.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
