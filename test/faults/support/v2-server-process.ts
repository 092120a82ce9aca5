import { spawn, type ChildProcess } from "node:child_process";

// The v2 inference server as a process the scenario can kill -9 and start again on the same port.
export type V2ServerProcess = { url: string; start(): Promise<void>; kill9(): Promise<void> };

export function v2ServerProcess(port: number, models: Record<string, string>): V2ServerProcess {
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const args = ["test/faults/support/v2-server-main.ts", String(port), ...Object.entries(models).map(([n, f]) => `${n}=${f}`)];
  return {
    url,
    async start() {
      child = spawn("node_modules/.bin/tsx", args, { stdio: ["ignore", "ignore", "inherit"], detached: true });
      const deadline = Date.now() + 60_000;
      while (
        (await fetch(`${url}/v2/health/ready`).then(
          (r) => r.status,
          () => 0,
        )) !== 200
      ) {
        if (child.exitCode !== null) throw new Error(`v2 server exited with ${child.exitCode}`);
        if (Date.now() > deadline) throw new Error("v2 server not ready within 60 s");
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async kill9() {
      if (!child?.pid) return;
      const c = child;
      const gone = new Promise<void>((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once("exit", () => r())));
      try {
        process.kill(-c.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
      await gone;
    },
  };
}
