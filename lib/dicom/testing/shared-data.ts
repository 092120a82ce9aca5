import fs from "node:fs";
import path from "node:path";
import { decodePixels } from "../decode-pixels";
import { parseDicom } from "../parse-dicom";
import { readMetadata } from "../read-metadata";

// Real files live beside the project (never committed); tests using them skip when they are absent.
export const SHARED_DICOM_DIR = path.resolve(__dirname, "../../../../shared/data/dicom");
export const hasSharedDicom = fs.existsSync(SHARED_DICOM_DIR);
if (!hasSharedDicom) console.warn(`[lib/dicom] ${SHARED_DICOM_DIR} not found: real-file DICOM tests are skipped`);

export function listDicomFiles(dir = SHARED_DICOM_DIR): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const full = path.join(dir, e.name);
      return e.isDirectory() ? listDicomFiles(full) : e.isFile() ? [full] : [];
    })
    .sort();
}

export const relativeName = (file: string) => path.relative(SHARED_DICOM_DIR, file);

export async function loadDicom(file: string) {
  const bytes = new Uint8Array(fs.readFileSync(path.isAbsolute(file) ? file : path.join(SHARED_DICOM_DIR, file)));
  const dataset = parseDicom(bytes);
  const meta = readMetadata(dataset);
  return { dataset, meta, image: await decodePixels(dataset, { metadata: meta }) };
}

/** Max and mean absolute difference between a and b·scale. */
export function pixelDiff(a: ArrayLike<number>, b: ArrayLike<number>, scale = 1): { max: number; mean: number } {
  let max = 0;
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]! * scale);
    sum += d;
    if (d > max) max = d;
  }
  return { max, mean: sum / a.length };
}

/** Mean of a square box centred at (cx, cy) given as fractions of the image size. */
export function boxMean(grey: Uint8Array, rows: number, columns: number, cx: number, cy: number, half = 0.06): number {
  let sum = 0;
  let n = 0;
  for (let y = Math.floor((cy - half) * rows); y < (cy + half) * rows; y++) {
    for (let x = Math.floor((cx - half) * columns); x < (cx + half) * columns; x++) {
      sum += grey[y * columns + x]!;
      n++;
    }
  }
  return sum / n;
}
