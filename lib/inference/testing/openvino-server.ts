import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { hasTrainingVenv, TRAINING_PYTHON } from "@/lib/evaluation/testing/cross-check";
import { freePort } from "@/test/faults/support/free-port";

// `cxr-train serve-openvino` (a real KServe v2 server on OpenVINO's CPU plugin, training/cxr_train/kserve_openvino.py)
// as a child process for tests and benchmarks: needs the training venv with `openvino` (requirements-lock.txt).
/** The training venv with `openvino` (its lock installs it); in CI a missing venv is an error, not a skip. */
export function openvinoAvailable(): boolean {
  return hasTrainingVenv() && spawnSync(TRAINING_PYTHON, ["-c", "import openvino"], { stdio: "ignore" }).status === 0;
}

export type OpenvinoServer = { url: string; precisions: Record<string, string>; close(): Promise<void> };

export async function startOpenvinoServer(
  models: Record<string, string>,
  o: { precision?: "f32" | "bf16"; port?: number; timeoutMs?: number } = {},
): Promise<OpenvinoServer> {
  const port = o.port ?? (await freePort());
  const args = [
    "-m",
    "cxr_train",
    "serve-openvino",
    ...Object.entries(models).map(([n, p]) => `${n}=${path.resolve(p)}`),
    "--port",
    String(port),
    ...(o.precision ? ["--precision", o.precision] : []),
  ];
  const child: ChildProcess = spawn(TRAINING_PYTHON, args, { cwd: path.resolve("training"), stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
  const ready = await new Promise<{ url: string; models: Record<string, string> }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve-openvino not ready in time: ${stderr}`)), o.timeoutMs ?? 60_000);
    child.once("exit", (code) => reject(new Error(`serve-openvino exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (!line.startsWith("{")) return;
      const e = JSON.parse(line) as { stage?: string; url: string; models: Record<string, string> };
      if (e.stage === "serve") {
        clearTimeout(timer);
        resolve(e);
      }
    });
  });
  return {
    url: ready.url,
    precisions: ready.models,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
