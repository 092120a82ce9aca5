import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { descendants } from "@/test/faults/support/process-tree";

/** The first admin of a bench server (its data directory is thrown away with it). */
export const BENCH_ADMIN = { email: "bench@local.test", password: "bench-password-1" };

export type BenchServer = { url: string; token: string; pid: number; peakRssMb(): number; stop(): Promise<void> };

// The real production server (`npm start` path) on a fresh SQLite data dir, serving only the model under test.
export async function startProdServer(modelPath: string, port: number): Promise<BenchServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxr-bench-"));
  const models = path.join(dir, "models", "under-test");
  fs.mkdirSync(models, { recursive: true });
  fs.symlinkSync(path.resolve(modelPath), path.join(models, "model.onnx"));
  fs.writeFileSync(path.join(models, "model-card.json"), JSON.stringify({ name: path.basename(modelPath, ".onnx"), version: "bench" }));
  const env = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: path.join(dir, "data"),
    BUNDLED_MODELS_DIR: path.join(dir, "models"),
    SKIP_BUILD: "1",
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    LOG_LEVEL: "warn",
    RATE_LIMIT_PER_MINUTE: "1000000",
    INFERENCE_MAX_QUEUE: "256",
    DICOM_ENABLED: "false",
  };
  if (!fs.existsSync(".next/BUILD_ID")) execFileSync("npm", ["run", "build"], { stdio: "inherit" });
  const child: ChildProcess = spawn("node", ["scripts/start.mjs"], { env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (
      (await fetch(`${url}/api/ready`).then(
        (r) => r.status,
        () => 0,
      )) === 200
    )
      break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const token = execFileSync("npx", ["tsx", "scripts/bench/make-token.ts"], {
    env: { ...env, DATABASE_URL: `file:${path.join(dir, "data", "cxr-review.db")}` },
  })
    .toString()
    .trim()
    .split("\n")
    .pop()!;
  return {
    url,
    token,
    pid: child.pid!,
    peakRssMb: () => descendants(child.pid!).reduce((mb, pid) => mb + vmHwmMb(pid), 0),
    async stop() {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        /* already gone */
      }
      await new Promise((r) => setTimeout(r, 500));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Peak resident memory (VmHWM) of one process, in MB.
function vmHwmMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}
