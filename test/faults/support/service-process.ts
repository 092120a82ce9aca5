import { spawn, type ChildProcess } from "node:child_process";

// A backend (Redis, moto's S3) as a process on a fixed loopback port that a scenario can kill -9 and start again.
export type ServiceProcess = {
  start(): Promise<void>;
  kill9(): Promise<void>;
  /** e.g. SIGSTOP / SIGCONT: freeze it, resume it. */
  signal(sig: NodeJS.Signals): void;
  pause(): void;
  resume(): void;
};

export function serviceProcess(bin: string, args: string[], isUp: () => Promise<boolean>): ServiceProcess {
  let child: ChildProcess | undefined;
  return {
    async start() {
      child = spawn(bin, args, { stdio: "ignore", detached: true });
      const deadline = Date.now() + 30_000;
      while (!(await isUp())) {
        if (child.exitCode !== null) throw new Error(`${bin} exited with ${child.exitCode}`);
        if (Date.now() > deadline) throw new Error(`${bin} not up within 30 s`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    signal(sig) {
      if (child?.pid && child.exitCode === null && child.signalCode === null) process.kill(child.pid, sig);
    },
    // SIGSTOP: the process keeps its connections but answers nothing (a stalled server), until SIGCONT.
    pause: () => void (child?.pid && process.kill(child.pid, "SIGSTOP")),
    resume: () => void (child?.pid && process.kill(child.pid, "SIGCONT")),
    async kill9() {
      const c = child;
      if (!c?.pid || c.exitCode !== null || c.signalCode !== null) return;
      const gone = new Promise<void>((r) => c.once("exit", () => r()));
      try {
        process.kill(-c.pid, "SIGKILL");
      } catch {
        /* gone */
      }
      await gone;
    },
  };
}
