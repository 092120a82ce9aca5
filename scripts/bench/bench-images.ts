import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { decodeInput } from "@/lib/inference/decode-input";
import type { GreyImage } from "@/lib/inference/preprocess";
import { makeChestPng } from "@/test/fixtures/synthetic-study";

const SHARED = path.resolve("../shared/data/cxr-mass-nodule/images");
const KINDS = /\.(jpe?g|png|dcm)$/i;

export type BenchImage = { name: string; path: string; bytes: Uint8Array; grey: () => Promise<GreyImage> };
export type BenchImages = { list: BenchImage[]; source: string };

/** The images every system is measured on: `--images DIR`, else the shared NIH JPEGs. Generated PNGs only with
 * `--synthetic`: a bench on generated images says little, so it never happens silently. */
export function benchImages(o: { dir?: string; synthetic: boolean; limit: number }): BenchImages {
  if (o.synthetic) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxr-bench-img-"));
    const files = Array.from({ length: o.limit }, (_, i) => {
      const file = path.join(dir, `gen-${i}.png`);
      fs.writeFileSync(file, makeChestPng(1024));
      return file;
    });
    return { list: files.map(load), source: "generated 1024 px PNGs (--synthetic)" };
  }
  const dir = path.resolve(o.dir ?? SHARED);
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => KINDS.test(f))
        .sort()
        .slice(0, o.limit)
    : [];
  if (files.length === 0) {
    throw new Error(
      `No JPEG, PNG or DICOM (.dcm) images in ${dir}${o.dir ? "" : " (../shared absent)"}: pass --images DIR, or --synthetic to measure on generated images`,
    );
  }
  return { list: files.map((f) => load(path.join(dir, f))), source: `${files.length} images from ${dir}` };
}

function load(file: string): BenchImage {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const kind = /\.dcm$/i.test(file) ? ("dicom" as const) : ("raster" as const);
  // A copy each time: the engine's decoder takes the bytes it is given.
  const grey = () => decodeInput(kind === "dicom" ? { kind, bytes: bytes.slice(), frame: 1 } : { kind, bytes: bytes.slice() });
  return { name: path.basename(file), path: file, bytes, grey };
}

export const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
