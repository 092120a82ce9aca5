import { createHash } from "node:crypto";
import type { SplitName } from "@/lib/schemas/export";

const rank = (seed: number, key: string) => createHash("sha256").update(`${seed}:${key}`).digest("hex");

/** Patients in a seeded, input-order-independent order (a hash of seed and key). */
export function orderBySeed<T>(keys: Iterable<T>, seed: number, keyOf: (k: T) => string): T[] {
  return [...keys]
    .map((k) => ({ k, r: rank(seed, keyOf(k)) }))
    .sort((a, b) => (a.r < b.r ? -1 : a.r > b.r ? 1 : 0))
    .map((x) => x.k);
}

/**
 * Patient-level split (as cxr_train.dataset.patient_split): whole patients, in a seeded order, go to val until it
 * holds at least `valFraction` of the images; every image of one patient lands in the same split.
 * Returns patientKey → split.
 */
export function splitByPatient(imagesPerPatient: Map<string, number>, valFraction: number, seed: number): Map<string, SplitName> {
  const total = [...imagesPerPatient.values()].reduce((a, b) => a + b, 0);
  const want = valFraction * total;
  const out = new Map<string, SplitName>();
  let nVal = 0;
  for (const p of orderBySeed(imagesPerPatient.keys(), seed, (k) => k)) {
    const part: SplitName = valFraction > 0 && nVal < want ? "val" : "train";
    if (part === "val") nVal += imagesPerPatient.get(p)!;
    out.set(p, part);
  }
  return out;
}
