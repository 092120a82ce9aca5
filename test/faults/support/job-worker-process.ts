// `npm run worker` as real processes beside the production server: same data directory and database, killable with -9.
import { spawn, type ChildProcess } from "node:child_process";
import type { ProdServer } from "./prod-server";

export type WorkerProcess = { child: ChildProcess; stop(): Promise<void> };

export function startWorkerProcess(server: Pick<ProdServer, "env">, extraEnv: Record<string, string> = {}): WorkerProcess {
  const child = spawn("node_modules/.bin/tsx", ["workers/job-worker.ts"], {
    env: { ...server.env, ...extraEnv },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const exited = () =>
    new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", () => r())));
  return {
    child,
    async stop() {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        /* gone */
      }
      await Promise.race([exited(), new Promise((r) => setTimeout(r, 5000))]);
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    },
  };
}
