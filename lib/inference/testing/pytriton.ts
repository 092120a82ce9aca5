import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { childProcessEnv } from "@/lib/env";
import { freePort } from "@/test/faults/support/free-port";

// A real Triton server for tests: PyPI's nvidia-pytriton (installed by scripts/ensure-pytriton.sh) serving one ONNX
// file through serve-onnx-pytriton.py on free loopback ports. Undefined `available` outside CI skips the tests.
const PYTHON = path.resolve(".data/tools/pytriton/bin/python");
export const pytritonAvailable = fs.existsSync(PYTHON) && fs.existsSync(path.resolve(".data/tools/pytriton/.installed-v1"));

export type PyTriton = { url: string; close(): Promise<void> };

/** `httpPort`: a fixed HTTP port (a scenario stops Triton and starts it again where the app expects it). */
export async function startPyTriton(modelFile: string, name: string, maxBatch: number, httpPort?: number): Promise<PyTriton> {
  const [http, grpc, metrics] = [httpPort ?? (await freePort()), await freePort(), await freePort()];
  // The Python backend's stub must load the venv's libpython, not Debian's (see ENVIRONMENT.md).
  const libdir = execFileSync(PYTHON, ["-c", "import sysconfig; print(sysconfig.get_config_var('LIBDIR'))"], { encoding: "utf8" }).trim();
  const script = path.resolve("lib/inference/testing/serve-onnx-pytriton.py");
  const child = spawn(PYTHON, [script, modelFile, name, String(http), String(grpc), String(metrics), String(maxBatch)], {
    env: childProcessEnv({ LD_LIBRARY_PATH: libdir }),
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let log = "";
  child.stderr!.on("data", (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${http}`;
  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once("exit", r));
    process.kill(-child.pid!, "SIGTERM");
    await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGKILL");
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`PyTriton exited with ${child.exitCode}:\n${log}`);
    const ready = await fetch(`${url}/v2/models/${name}/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return { url, close };
    await new Promise((r) => setTimeout(r, 500));
  }
  await close();
  throw new Error(`PyTriton did not serve '${name}' within 90 s:\n${log}`);
}
