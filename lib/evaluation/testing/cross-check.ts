import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";
import { env } from "@/lib/env";

// Helpers for comparing the registry's evaluator with the training worker's `cxr-train evaluate`.

export const TRAINING_PYTHON = path.resolve("training/.venv/bin/python");
/** Whether the training worker's venv exists; in CI (`npm test` creates it first) its absence is an error, not a skip. */
export function hasTrainingVenv(): boolean {
  if (fs.existsSync(TRAINING_PYTHON)) return true;
  if (env.CI) throw new Error(`CI requires the training worker's venv (${TRAINING_PYTHON}): run training/scripts/setup-venv.sh`);
  return false;
}

export type WorkerResult = {
  map50: number | null;
  map40: number | null;
  images: number;
  per_class: Record<string, { ap50: number | null; ap40: number | null; gt: number }>;
};

/** Runs this worktree's cxr_train (`python -m` from training/ puts it first on sys.path); paths must be absolute. */
export function cxrTrain(args: string[]): string {
  return execFileSync(TRAINING_PYTHON, ["-m", "cxr_train", ...args], {
    cwd: path.resolve("training"),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
}

export function workerEvaluate(model: string, dataset: string): WorkerResult {
  const out = path.join(dataset, "worker-eval.json");
  cxrTrain(["evaluate", model, dataset, "--output", out]);
  return JSON.parse(fs.readFileSync(out, "utf8")) as WorkerResult;
}

export type SyntheticImage = {
  width: number;
  height: number;
  fill: number;
  boxes: { cls: number; box: [number, number, number, number] }[];
};

/** A worker-format dataset folder (data.yaml, images/val, labels/val) of grey PNGs with the given boxes. */
export function writeYoloDataset(dir: string, names: string[], images: SyntheticImage[]): void {
  for (const sub of ["images/val", "labels/val", "images/train", "labels/train"]) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  fs.writeFileSync(
    path.join(dir, "data.yaml"),
    `path: ${dir}\ntrain: images/train\nval: images/val\nnames:\n${names.map((n, i) => `  ${i}: ${n}`).join("\n")}\n`,
  );
  images.forEach((img, i) => {
    const png = new PNG({ width: img.width, height: img.height, colorType: 0, inputColorType: 0, inputHasAlpha: false });
    const grey = Buffer.alloc(img.width * img.height);
    for (let p = 0; p < grey.length; p++) grey[p] = (img.fill + ((p * 7) % 23)) & 255;
    png.data = grey;
    const stem = `img${String(i).padStart(3, "0")}`;
    fs.writeFileSync(
      path.join(dir, "images/val", `${stem}.png`),
      PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false }),
    );
    const lines = img.boxes.map(({ cls, box: [x1, y1, x2, y2] }) =>
      [cls, (x1 + x2) / 2 / img.width, (y1 + y2) / 2 / img.height, (x2 - x1) / img.width, (y2 - y1) / img.height]
        .map((v, k) => (k === 0 ? String(v) : v.toFixed(6)))
        .join(" "),
    );
    fs.writeFileSync(path.join(dir, "labels/val", `${stem}.txt`), lines.join("\n") + (lines.length ? "\n" : ""));
  });
}
