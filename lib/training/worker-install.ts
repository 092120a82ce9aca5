import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import type { TrainingWorkerStatus } from "@/lib/schemas/training";

export const NOT_INSTALLED = "training worker not installed: run training/scripts/setup-venv.sh";

// The Python worker is optional: without its venv the app runs, and retraining answers 503 with this reason.
export function trainingWorkerStatus(bin = env.TRAINING_WORKER_BIN): TrainingWorkerStatus {
  const command = path.resolve(bin);
  try {
    fs.accessSync(command, fs.constants.X_OK);
    return { installed: true, command, reason: null };
  } catch {
    return { installed: false, command, reason: `${NOT_INSTALLED} (no executable ${command})` };
  }
}
