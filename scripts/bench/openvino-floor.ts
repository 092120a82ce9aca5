import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// The OpenVINO floor rows for `npm run bench:predict`: runs training/scripts/bench_openvino.py (OpenCV grey decode +
// letterbox + OpenVINO CPU inference + NMS, the training venv's `openvino`) and returns its rows, or null with the
// reason when the venv or openvino is missing. Each row states its precision: OpenVINO's default is bf16 on CPUs
// with AVX512_BF16/AMX, which changes outputs slightly (see the registry evaluation before serving that way).
export type OpenvinoFloorRow = {
  system: string;
  engine: string;
  precision: string;
  p50_ms: number;
  p95_ms: number;
  img_s: number;
  clients: number;
  images: number;
  runs: number;
};
export type OpenvinoFloor = { rows: OpenvinoFloorRow[]; openvino: string } | { rows: null; reason: string };

const PYTHON = path.resolve("training/.venv/bin/python");
const SCRIPT = path.resolve("training/scripts/bench_openvino.py");

export function openvinoFloor(o: {
  model: string;
  imagesDir: string;
  n?: number;
  rounds?: number;
  clients?: number;
  threads?: number;
  precisions?: string[];
  onnxruntime?: boolean;
}): OpenvinoFloor {
  if (!fs.existsSync(PYTHON)) return { rows: null, reason: `no training venv (${PYTHON}): run training/scripts/setup-venv.sh` };
  const args = [
    SCRIPT,
    "--model",
    path.resolve(o.model),
    "--images",
    path.resolve(o.imagesDir),
    "--n",
    String(o.n ?? 16),
    "--rounds",
    String(o.rounds ?? 3),
    "--clients",
    String(o.clients ?? 8),
    "--threads",
    String(o.threads ?? 0),
    "--precision",
    ...(o.precisions ?? ["default", "f32"]),
    ...(o.onnxruntime ? ["--onnxruntime"] : []),
  ];
  try {
    const out = JSON.parse(
      execFileSync(PYTHON, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 16 * 1024 * 1024 }),
    ) as { rows: OpenvinoFloorRow[]; openvino: string };
    return { rows: out.rows, openvino: out.openvino };
  } catch (e) {
    const stderr = String((e as { stderr?: unknown }).stderr ?? (e as Error).message);
    return { rows: null, reason: `bench_openvino.py failed: ${stderr.trim().split("\n").slice(-1)[0]}` };
  }
}
