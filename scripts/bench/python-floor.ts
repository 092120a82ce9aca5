import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";

const PYTHON = path.resolve("training/.venv/bin/python");
const SCRIPT = path.resolve("scripts/bench/python-floor.py");

export type PythonEngine = "ultralytics" | "opencv-ort" | "openvino";
export type FloorRun = { ms: number; cpuMs: number };
export type PythonFloor = { engine: PythonEngine; detail: string; run(imagePath: string): Promise<FloorRun>; close(): void };

/** Starts one Python engine from the training venv, kept running so it can be interleaved with the others.
 * Resolves to a reason string when the venv or the engine's package is absent. */
export async function startPythonFloor(engine: PythonEngine, model: string): Promise<PythonFloor | string> {
  if (!fs.existsSync(PYTHON)) return "no training venv (training/scripts/setup-venv.sh)";
  const child = spawn(PYTHON, [SCRIPT, engine, path.resolve(model)], { stdio: ["pipe", "pipe", "ignore"] });
  const lines = readline.createInterface({ input: child.stdout });
  const waiting: Array<(line: string) => void> = [];
  lines.on("line", (l) => waiting.shift()?.(l));
  child.on("exit", () => waiting.splice(0).forEach((w) => w(JSON.stringify({ error: "engine exited" }))));
  const next = () =>
    new Promise<Record<string, unknown>>((resolve) => waiting.push((l) => resolve(JSON.parse(l) as Record<string, unknown>)));
  const ready = await next();
  if (!ready.ready) {
    child.kill();
    return String(ready.error ?? "did not start");
  }
  return {
    engine,
    detail: String(ready.detail),
    async run(imagePath) {
      const reply = next();
      child.stdin.write(`${imagePath}\n`);
      const r = await reply;
      if (r.error) throw new Error(`${engine}: ${String(r.error)}`);
      return { ms: Number(r.ms), cpuMs: Number(r.cpu_ms) };
    },
    close: () => {
      child.stdin.end();
      child.kill();
    },
  };
}
