// Figures a fault scenario measured; appended to one file per run and printed as a table when the suite ends.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const FIGURES_FILE = process.env.FAULT_FIGURES_FILE ?? path.join(os.tmpdir(), `cxr-fault-figures-${process.ppid}.jsonl`);

export type Figure = { scenario: string; figure: string; value: string | number; target?: string };

export function recordFigure(f: Figure) {
  fs.appendFileSync(FIGURES_FILE, JSON.stringify(f) + "\n");
}

export function formatFigures(lines: Figure[]): string {
  const rows = lines.map((f) => [f.scenario, f.figure, String(f.value), f.target ?? ""]);
  const head = ["scenario", "figure", "value", "target"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const fmt = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  return [fmt(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(fmt)].join("\n");
}
