// The production server (`next build` output served by scripts/start.mjs) as a real process the fault suite can
// start, kill -9 and restart, on a free loopback port with its own temporary data directory.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { freePort } from "./free-port";
import { processTreeRssMb } from "./process-tree";

export const FAULT_ADMIN = { email: "faults-admin@local.test", password: "faults-admin-password" };

export type ProdServer = {
  url: string;
  port: number;
  dataDir: string;
  databaseUrl: string;
  env: NodeJS.ProcessEnv;
  pid(): number;
  /** Resident memory of the server's whole process tree, in MB (current, not peak). */
  rssMb(): number;
  /** A fresh API token of the bootstrap admin with these scopes (made through lib/tokens in a child process). */
  token(scopes: string[]): string;
  /** SIGKILL the whole process tree (no graceful shutdown). */
  kill9(): Promise<void>;
  /** Start the server again on the same port and data directory. */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

export type ProdServerOptions = { env?: Record<string, string>; port?: number; dataDir?: string; command?: string[] };

function ensureBuild() {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` before the fault suite (npm test does).");
}

export async function startProdServer(opts: ProdServerOptions = {}): Promise<ProdServer> {
  ensureBuild();
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "cxr-faults-"));
  const databaseUrl = opts.env?.DATABASE_URL ?? `file:${path.join(dataDir, "cxr-review.db")}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    SKIP_BUILD: "1",
    ADMIN_EMAIL: FAULT_ADMIN.email,
    ADMIN_PASSWORD: FAULT_ADMIN.password,
    LOG_LEVEL: "warn",
    DICOM_ENABLED: "false", // servers of parallel suites would race for port 11112; a scenario that needs it sets DICOM_PORT
    ...opts.env,
  };
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const launch = async () => {
    const started = spawn("node", opts.command ?? ["scripts/start.mjs"], { env, stdio: ["ignore", "ignore", "inherit"], detached: true });
    child = started;
    await waitForReady(url, started);
  };
  const killTree = (signal: NodeJS.Signals) => {
    if (!child?.pid) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };
  const exited = () =>
    new Promise<void>((resolve) =>
      child && child.exitCode === null && child.signalCode === null ? child.once("exit", () => resolve()) : resolve(),
    );
  await launch();
  return {
    url,
    port,
    dataDir,
    databaseUrl,
    env,
    pid: () => child!.pid!,
    rssMb: () => processTreeRssMb(child!.pid!),
    token(scopes) {
      const out = execFileSync("npx", ["tsx", "test/faults/support/make-token.ts", scopes.join(",")], { env })
        .toString()
        .trim();
      return out.slice(out.lastIndexOf("\n") + 1);
    },
    async kill9() {
      killTree("SIGKILL");
      await exited();
    },
    async restart() {
      killTree("SIGKILL");
      await exited();
      await launch();
    },
    async stop() {
      killTree("SIGTERM");
      await Promise.race([exited(), new Promise((r) => setTimeout(r, 5000))]);
      killTree("SIGKILL");
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForReady(url: string, child: ChildProcess) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`production server exited with ${child.exitCode} before it was ready`);
    const status = await fetch(`${url}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`production server at ${url} not healthy within 180 s`);
}
