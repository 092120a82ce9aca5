import { p50 } from "./bench-images";

export type SystemRow = { name: string; detail?: string; times: number[]; cpu: number[]; ips?: number; cpuUnderLoad?: number };
export type Report = {
  model: string;
  rows: SystemRow[];
  skipped: string[];
  stages: Record<string, number>;
  load?: string;
  loadavg: string;
  rssMb?: number;
};

const f = (v: number | undefined, d = 1) => (v === undefined || !Number.isFinite(v) ? "—" : v.toFixed(d));
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined);

/** The side-by-side table (markdown, so it can go into the README as measured), the targets of issue #16, the stages. */
export function printReport(reports: Report[], clients: number): void {
  for (const r of reports) {
    const [app, raw] = r.rows as [SystemRow, SystemRow];
    const rawP50 = p50(raw.times);
    console.log(`\n### ${r.model} (load average at the end ${r.loadavg}${r.rssMb ? `, server peak RSS ${r.rssMb.toFixed(0)} MB` : ""})\n`);
    console.log(`| system | p50 ms | × raw | CPU ms/img (sequential) | CPU ms/img at ${clients} clients | img/s at ${clients} clients |`);
    console.log("|---|---|---|---|---|---|");
    for (const row of r.rows) {
      const cpu = mean(row.cpu);
      console.log(
        `| ${row.name} | ${f(p50(row.times))} | ${f(p50(row.times) / rawP50, 2)} | ${f(cpu)} | ${f(row.cpuUnderLoad)} | ${f(row.ips)} |`,
      );
    }
    for (const row of r.rows) if (row.detail) console.log(`- ${row.name}: ${row.detail}`);
    for (const s of r.skipped) console.log(`- ${s}`);
    const ultra = r.rows.find((x) => x.name.startsWith("Ultralytics"));
    const appP50 = p50(app.times);
    const appCpu = app.cpuUnderLoad ?? mean(app.cpu);
    const rawCpu = mean(raw.cpu);
    console.log("\nTargets (issue #16):");
    console.log(`- e2e p50 / raw p50 = ${f(appP50 / rawP50, 2)} (≤ 1.15)`);
    console.log(`- Ultralytics p50 / e2e p50 = ${ultra ? f(p50(ultra.times) / appP50, 2) : "— (no Ultralytics)"} (≥ 2)`);
    console.log(`- app img/s at ${clients} clients / best raw img/s = ${f((app.ips ?? NaN) / (raw.ips ?? NaN), 2)} (≥ 0.9)`);
    console.log(
      `- app CPU ms/img / raw CPU ms/img = ${f((appCpu ?? NaN) / (rawCpu ?? NaN), 2)} (≤ 1.2; app measured at ${clients} clients when local)`,
    );
    console.log(
      `\ne2e p50 per stage (Server-Timing, ms; 'client' is the whole request): ${Object.entries(r.stages)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join("  ")}`,
    );
    if (r.load) console.log(`load test: ${r.load}`);
  }
}
