import { VINDR_FINDINGS } from "@/lib/inference/vocabulary";

/** Class index order of an export: the 14 VinDr-CXR findings, then any other class that appears, by name. */
export function exportClasses(seen: Iterable<string>): string[] {
  const base = new Set<string>(VINDR_FINDINGS);
  const extra = [...new Set(seen)].filter((c) => !base.has(c)).sort();
  return [...VINDR_FINDINGS, ...extra];
}
