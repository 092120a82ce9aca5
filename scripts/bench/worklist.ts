// npm run bench:worklist — seeds 100k studies into fresh SQLite and PostgreSQL databases and prints the
// worklist's first-page server time (p50 of 15 runs: page query + total + status counts). Target ≤ 150 ms.
import { execFileSync } from "node:child_process";
import { createTempDb, postgresReachable } from "@/test/support/temp-database";

const N = Number(process.env.BENCH_STUDIES ?? 100_000);
const TARGET_MS = 150;
const columns: Record<string, Record<string, number>> = {};

for (const kind of ["sqlite", "postgres"] as const) {
  if (kind === "postgres" && !(await postgresReachable())) {
    console.warn("PostgreSQL not reachable on 127.0.0.1:5432 — skipping that column.");
    continue;
  }
  console.error(`\n${kind}: ${N.toLocaleString()} studies`);
  const temp = await createTempDb(kind, "cxr_bench_worklist");
  try {
    const out = execFileSync("npx", ["tsx", "scripts/bench/worklist-child.ts", String(N)], {
      env: { ...process.env, DATABASE_URL: temp.url, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 1e7,
    }).toString();
    columns[kind] = JSON.parse(out.trim().split("\n").pop()!).results;
  } finally {
    await temp.drop();
  }
}

const kinds = Object.keys(columns);
const names = Object.keys(columns[kinds[0]!] ?? {});
console.log(`\nWorklist first-page server time, p50 ms, ${N.toLocaleString()} studies (target ≤ ${TARGET_MS} ms)\n`);
console.log(["query".padEnd(24), ...kinds.map((k) => k.padStart(12))].join(""));
for (const n of names) console.log([n.padEnd(24), ...kinds.map((k) => columns[k]![n]!.toFixed(1).padStart(12))].join(""));
const worst = Math.max(...kinds.flatMap((k) => Object.values(columns[k]!)));
console.log(
  `\nworst ${worst.toFixed(1)} ms → ${worst <= TARGET_MS ? "within" : "OVER"} target (ratio to target ${(worst / TARGET_MS).toFixed(2)})`,
);
