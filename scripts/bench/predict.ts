// npm run bench:predict — the same model and images measured side by side in one run:
// raw session.run vs POST /api/v1/predict through the production server, throughput under concurrency, peak RSS.
// Models: the bundled demo model, and the production-sized YOLO11-L (14 classes, 1024 px, untrained) when the
// training worker can make it (BENCH_LARGE=0 skips it).
import { benchImages, p50 } from "./bench-images";
import { startProdServer } from "./prod-server";
import { rawSession } from "./raw-session";
import { largeBenchModel } from "./large-model";
import { loadTest } from "./load-test";

const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);

type Row = { model: string; provider: string; rawP50: number; e2eP50: number; rawBest: number; conc: Record<number, number>; rssMb: number; stages: Record<string, number>; load?: string };

// Server-Timing of the sequential requests, per stage (read, decode, route, queue, preprocess, inference, postprocess).
let stageLog: Record<string, number[]> | null = null;

async function postOne(url: string, token: string, img: { name: string; bytes: Uint8Array }): Promise<number> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(img.bytes)]), img.name);
  const s = performance.now();
  const r = await fetch(`${url}/api/v1/predict`, { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } });
  await r.arrayBuffer();
  if (r.status !== 200) throw new Error(`predict answered ${r.status}`);
  const ms = performance.now() - s;
  if (stageLog) {
    for (const part of (r.headers.get("server-timing") ?? "").split(",")) {
      const m = /^\s*(\w+);dur=([\d.]+)/.exec(part);
      if (m) (stageLog[m[1]!] ??= []).push(Number(m[2]));
    }
    (stageLog.client ??= []).push(ms);
  }
  return ms;
}

async function measure(label: string, modelPath: string, n: number, port: number, withLoad = false): Promise<Row> {
  const images = benchImages(n);
  console.error(`\n▶ ${label}: ${images.length} ${images[0]!.source}`);
  const raw = await rawSession(modelPath, images.map((i) => i.grey()), [1, 2, 4, 8]);
  const rawBest = Math.max(...Object.values(raw.throughput));
  const server = await startProdServer(modelPath, port);
  try {
    await postOne(server.url, server.token, images[0]!); // warm-up (engine start)
    const e2e: number[] = [];
    stageLog = {};
    for (const img of images) e2e.push(await postOne(server.url, server.token, img));
    const stages = Object.fromEntries(Object.entries(stageLog).map(([k, v]) => [k, p50(v)]));
    stageLog = null;
    const conc: Record<number, number> = {};
    for (const c of [1, 4, 8]) {
      const total = Math.max(c * 2, images.length);
      let next = 0;
      const s = performance.now();
      await Promise.all(Array.from({ length: c }, async () => {
        while (next < total) await postOne(server.url, server.token, images[next++ % images.length]!);
      }));
      conc[c] = total / ((performance.now() - s) / 1000);
      console.error(`  concurrency ${c}: ${conc[c].toFixed(2)} img/s`);
    }
    let load: string | undefined;
    if (withLoad && LOAD_SECONDS > 0) {
      console.error(`  load test: 8 clients for ${LOAD_SECONDS} s…`);
      const r = await loadTest(server.url, server.token, images, 8, LOAD_SECONDS);
      load = `8 clients × ${LOAD_SECONDS} s: ${JSON.stringify(r.statuses)} → ${r.ok ? "no 5xx other than 503 with Retry-After" : `FAILED (${r.bad} bad, ${r.missingRetryAfter} 503 without Retry-After)`}; server ${(await fetch(`${server.url}/api/health`).then((x) => x.status, () => 0)) === 200 ? "up" : "DOWN"}`;
    }
    return { model: label, provider: raw.provider, rawP50: raw.p50Ms, e2eP50: p50(e2e), rawBest, conc, rssMb: server.peakRssMb(), stages, load };
  } finally {
    await server.stop();
  }
}

const rows: Row[] = [await measure("demo YOLO11n 512", "models/demo-nodule-mass/model.onnx", 16, 3301, true)];
const large = process.env.BENCH_LARGE === "0" ? null : largeBenchModel();
if (large) rows.push(await measure("YOLO11-L 1024 (14 cls)", large, 6, 3302));
else console.error("\n(YOLO11-L skipped: set up training/ and run `cxr-train make-bench-model`, or BENCH_LARGE=0 was set)");

console.log("\nmodel                     provider  raw p50 ms  e2e p50 ms  ratio(≤1.15)  best raw img/s  c=1   c=4   c=8  ratio c8/raw(≥0.9)  peak RSS MB");
for (const r of rows)
  console.log(
    [r.model.padEnd(26), r.provider.padEnd(9), r.rawP50.toFixed(1).padStart(10), r.e2eP50.toFixed(1).padStart(11), (r.e2eP50 / r.rawP50).toFixed(2).padStart(13),
      r.rawBest.toFixed(2).padStart(15), ...[1, 4, 8].map((c) => r.conc[c]!.toFixed(2).padStart(5)), (Math.max(...Object.values(r.conc)) / r.rawBest).toFixed(2).padStart(19), r.rssMb.toFixed(0).padStart(12)].join(" "),
  );
console.log("\ne2e p50 per stage (Server-Timing, ms; 'client' is the whole request as the client saw it)");
for (const r of rows) console.log(`${r.model.padEnd(26)} ${Object.entries(r.stages).map(([k, v]) => `${k} ${v.toFixed(1)}`).join("  ")}`);
for (const r of rows) if (r.load) console.log(`\nload test (${r.model}): ${r.load}`);
process.exit(rows.every((r) => !r.load || !r.load.includes("FAILED")) ? 0 : 1);
