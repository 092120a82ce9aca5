import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const OUT = path.resolve(".data/bench-models/yolo11l-14c-1024.onnx");

// The production-sized benchmark model, made once by the training worker (never committed).
export function largeBenchModel(): string | null {
  if (fs.existsSync(OUT)) return OUT;
  const cli = path.resolve("training/.venv/bin/cxr-train");
  if (!fs.existsSync(cli)) return null;
  console.error("making the YOLO11-L benchmark model with the training worker (about a minute)…");
  execFileSync(cli, ["make-bench-model", "--out", OUT], { stdio: "inherit", cwd: "training" });
  return fs.existsSync(OUT) ? OUT : null;
}
