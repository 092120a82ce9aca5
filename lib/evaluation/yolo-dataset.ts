import fs from "node:fs";
import path from "node:path";
import { yoloToPixel } from "@/lib/boxes/convert";
import { AppError } from "@/lib/errors";
import type { EvalTruth } from "@/lib/evaluation/score-detections";

// Reads the training worker's dataset folder (training/cxr_train/dataset.py): data.yaml names, images/<split>,
// labels/<split>/<stem>.txt with "class cx cy w h" normalised lines. Only what evaluation needs.

const IMAGE_EXTS = [".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff"];

/** The `names:` of a data.yaml, as the worker writes it (block mapping `  0: Mass`, flow `{0: a}` or list `[a, b]`). */
export function parseDataYamlNames(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((l) => /^names:/.test(l));
  if (at < 0) throw new AppError("unprocessable", "data.yaml has no names");
  const unquote = (s: string) => s.trim().replace(/^(['"])(.*)\1$/, "$2");
  const inline = lines[at]!.slice("names:".length).trim();
  const names: string[] = [];
  if (inline) {
    const body = inline.replace(/^[[{]|[\]}]$/g, "");
    body.split(",").forEach((part, i) => {
      const m = /^\s*(\d+)\s*:\s*(.+)$/.exec(part);
      names[m ? Number(m[1]) : i] = unquote(m ? m[2]! : part);
    });
    return names;
  }
  for (const l of lines.slice(at + 1)) {
    const m = /^\s+(?:(\d+)\s*:|-)\s*(.+)$/.exec(l);
    if (!m) break;
    names[m[1] !== undefined ? Number(m[1]) : names.length] = unquote(m[2]!);
  }
  return names;
}

export type DatasetImage = { key: string; file: string; labelFile: string };

/** (image, label) pairs of one split, sorted by file name like the worker's list_split. */
export function listSplit(folder: string, split: string): DatasetImage[] {
  const dir = path.join(folder, "images", split);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => IMAGE_EXTS.includes(path.extname(f).toLowerCase()))
    .sort()
    .map((f) => ({ key: f, file: path.join(dir, f), labelFile: path.join(folder, "labels", split, `${path.parse(f).name}.txt`) }));
}

/** Ground-truth boxes of one image in pixels; a missing label file means none. */
export function readTruth(image: DatasetImage, names: readonly string[], size: { width: number; height: number }): EvalTruth[] {
  if (!fs.existsSync(image.labelFile)) return [];
  return fs
    .readFileSync(image.labelFile, "utf8")
    .split(/\r?\n/)
    .map((l) => l.trim().split(/\s+/))
    .filter((p) => p.length >= 5)
    .map((p) => {
      const c = Math.trunc(Number(p[0]));
      const [cx, cy, w, h] = p.slice(1, 5).map(Number) as [number, number, number, number];
      return { image: image.key, className: names[c] ?? String(c), box: yoloToPixel([cx, cy, w, h], size) };
    });
}
