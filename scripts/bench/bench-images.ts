import fs from "node:fs";
import path from "node:path";
import { decodeRaster } from "@/lib/dicom/decode-raster";
import type { GreyImage } from "@/lib/inference/preprocess";
import { makeChestPng } from "@/test/fixtures/synthetic-study";

const SHARED = path.resolve("../shared/data/cxr-mass-nodule/images");

// The same images for every measurement: the shared NIH images when present, else generated 1024 px PNGs.
export function benchImages(limit: number): { name: string; bytes: Uint8Array; grey: () => GreyImage; source: string }[] {
  const files = fs.existsSync(SHARED) ? fs.readdirSync(SHARED).filter((f) => f.endsWith(".jpg")).sort().slice(0, limit) : [];
  const list = files.length
    ? files.map((f) => ({ name: f, bytes: new Uint8Array(fs.readFileSync(path.join(SHARED, f))), source: "shared NIH JPEGs" }))
    : Array.from({ length: limit }, (_, i) => ({ name: `gen-${i}.png`, bytes: makeChestPng(1024), source: "generated 1024 px PNGs" }));
  return list.map((x) => ({
    ...x,
    grey: () => {
      const d = decodeRaster(x.bytes);
      return { width: d.columns, height: d.rows, data: Uint8Array.from(d.pixels) };
    },
  }));
}

export const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
