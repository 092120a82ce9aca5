import fs from "node:fs";
import { makeSyntheticDicom } from "./make-synthetic-dicom";
import { hasSharedDicom, listDicomFiles, relativeName, SHARED_DICOM_DIR } from "./shared-data";
import type { FuzzSeed } from "./fuzz-headers";

// Seeds for the header fuzzer: the project's own synthetic fixtures always, and the shared real files when present
// (only those small enough to upload hundreds of mutants quickly).
export function fuzzSeeds(o: { maxBytes?: number; extra?: FuzzSeed[] } = {}): { seeds: FuzzSeed[]; realFiles: number } {
  const synthetic = (["explicit-le-16", "implicit-le", "voi-lut", "eight-bit", "mono1", "signed-rescale", "rle"] as const).map((kind) => ({
    name: `synthetic:${kind}`,
    bytes: makeSyntheticDicom(kind).bytes,
  }));
  if (!hasSharedDicom) console.warn(`[fuzz] ${SHARED_DICOM_DIR} not found: fuzzing the synthetic fixtures only`);
  const real = listDicomFiles()
    .filter((f) => fs.statSync(f).size <= (o.maxBytes ?? 3e6))
    .map((f) => ({ name: relativeName(f), bytes: new Uint8Array(fs.readFileSync(f)) }));
  return { seeds: [...synthetic, ...(o.extra ?? []), ...real], realFiles: real.length };
}
