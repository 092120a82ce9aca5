// npm run bench:predict [-- --url URL --token T --images DIR --models a.onnx,b.onnx --synthetic --rounds N --clients N]
// Side by side, in one interleaved run on the same images (each round visits every system per image, in rotating
// order, so load drift on a shared machine hits them alike): the app end to end (POST /api/v1/predict), raw ONNX
// Runtime session.run in this process, and the floor of each optional engine present in the training venv
// (Ultralytics predict, OpenCV + ONNX Runtime, OpenVINO). Then throughput at N clients, CPU ms per image, the
// Server-Timing stages, and (demo model, own server) the review page's "Run in browser" in Chromium and a load test.
// Without flags: the former defaults.
import os from "node:os";
import path from "node:path";
import { appClient, appThroughput } from "./app-client";
import { benchArgs } from "./bench-args";
import { measureBrowser } from "./browser-row";
import { benchImages, p50, type BenchImage } from "./bench-images";
import { largeBenchModel } from "./large-model";
import { loadTest } from "./load-test";
import { printReport, type Report, type SystemRow } from "./print-report";
import { treeCpuMs } from "@/test/faults/support/process-tree";
import { startProdServer, type BenchServer } from "./prod-server";
import { startPythonFloor, type PythonEngine } from "./python-floor";
import { openRawSession } from "./raw-session";

const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const BROWSER_RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 5); // 0: no browser row
const ENGINES: Array<{ engine: PythonEngine; label: string }> = [
  { engine: "ultralytics", label: "Ultralytics predict (same ONNX)" },
  { engine: "opencv-ort", label: "Python: OpenCV + ORT + NMS" },
  { engine: "openvino", label: "OpenVINO (default precision)" },
];
type System = { row: SystemRow; run(img: BenchImage, k: number): Promise<{ ms: number; cpuMs?: number }> };
const loadavg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ");

async function measure(
  label: string,
  model: string,
  images: BenchImage[],
  server: { url: string; token: string; pid?: number },
  withLoad: boolean,
  browserOn?: BenchServer,
): Promise<Report> {
  console.error(`\n▶ ${label}: ${images.length} images, load average ${loadavg()}`);
  const grey = await Promise.all(images.map((i) => i.grey()));
  const raw = await openRawSession(model, false);
  const client = appClient(server.url, server.token);
  const app: System = {
    row: { name: "this app, POST /api/v1/predict", times: [], cpu: [] },
    run: async (img) => ({ ms: await client.post(img) }),
  };
  const rawSys: System = {
    row: { name: `raw ORT session.run (${raw.provider}, no spinning)`, times: [], cpu: [] },
    run: (_img, k) => raw.run(grey[k]!),
  };
  const systems: System[] = [app, rawSys];
  const skipped: string[] = [];
  const floors = [];
  const rasterOnly = images.every((i) => !/\.dcm$/i.test(i.name));
  for (const e of ENGINES) {
    const f = rasterOnly ? await startPythonFloor(e.engine, model) : "DICOM images (the Python floors read PNG/JPEG)";
    if (typeof f === "string") {
      skipped.push(`${e.label}: skipped — ${f}`);
      continue;
    }
    floors.push(f);
    systems.push({ row: { name: e.label, detail: f.detail, times: [], cpu: [] }, run: (img) => f.run(img.path) });
  }
  try {
    for (const s of systems) await s.run(images[0]!, 0); // warm-up: engine start, first-run allocations
    for (const k of Object.keys(client.stages)) client.stages[k] = [];
    const cpu0 = server.pid ? treeCpuMs(server.pid) : undefined;
    let order = 0;
    for (let r = 0; r < ROUNDS; r++) {
      for (const [k, img] of images.entries()) {
        order++;
        for (let j = 0; j < systems.length; j++) {
          const s = systems[(j + order) % systems.length]!;
          const t = await s.run(img, k);
          s.row.times.push(t.ms);
          if (t.cpuMs !== undefined) s.row.cpu.push(t.cpuMs);
        }
      }
    }
    if (cpu0 !== undefined) app.row.cpu.push((treeCpuMs(server.pid!) - cpu0) / app.row.times.length);
    // Stages of the sequential requests only (the throughput runs below would add queueing to them).
    const stages = Object.fromEntries(
      Object.entries(client.stages)
        .filter(([, v]) => v.length)
        .map(([k, v]) => [k, p50(v)]),
    );
    console.error(`  interleaved: ${ROUNDS} rounds × ${images.length} images × ${systems.length} systems done, load average ${loadavg()}`);
    const c0 = server.pid ? treeCpuMs(server.pid) : undefined;
    const conc: Record<number, number> = {};
    for (const c of [1, CLIENTS]) {
      const before = server.pid ? treeCpuMs(server.pid) : 0;
      const t = await appThroughput(client, images, c);
      conc[c] = t.ips;
      if (c === CLIENTS && c0 !== undefined) app.row.cpuUnderLoad = (treeCpuMs(server.pid!) - before) / t.n;
      console.error(`  app at ${c} client(s): ${t.ips.toFixed(2)} img/s`);
    }
    app.row.ips = conc[CLIENTS];
    const spin = await openRawSession(model, true);
    const sizes = [1, 2, 4, 8];
    const [off, on] = [await raw.throughput(grey, sizes), await spin.throughput(grey, sizes)];
    await spin.close();
    rawSys.row.ips = Math.max(...Object.values(off), ...Object.values(on));
    rawSys.row.detail = `best img/s over batch ${Object.keys(off).join("/")}, spinning off/on: ${Object.entries(off)
      .map(([b, v]) => `b${b} ${v.toFixed(1)}/${on[+b]!.toFixed(1)}`)
      .join(", ")}`;
    const pageRows: SystemRow[] = [];
    if (browserOn && BROWSER_RUNS > 0) {
      console.error(`  browser: onnxruntime-web in Chromium, 1 + ${BROWSER_RUNS} runs…`);
      const b = await measureBrowser(browserOn, images[0]!, BROWSER_RUNS).catch((e: Error) => e.message);
      if (typeof b === "string") skipped.push(`onnxruntime-web in Chromium: skipped — ${b}`);
      else
        pageRows.push({
          name: `onnxruntime-web in Chromium (${b.backend})`,
          detail: `model time as the review page reports it (its DICOM decoded, letterbox, run, NMS), ${b.warm.length} warm runs on ${images[0]!.name}; the first run, which also starts the session: ${b.firstMs} ms`,
          times: b.warm,
          cpu: [],
        });
    }
    let load: string | undefined;
    if (withLoad && LOAD_SECONDS > 0) {
      console.error(`  load test: ${CLIENTS} clients for ${LOAD_SECONDS} s…`);
      const r = await loadTest(server.url, server.token, images, CLIENTS, LOAD_SECONDS);
      load = `${CLIENTS} clients × ${LOAD_SECONDS} s: ${JSON.stringify(r.statuses)} → ${r.ok ? "no 5xx other than 503 with Retry-After" : `FAILED (${r.bad} bad, ${r.missingRetryAfter} 503 without Retry-After)`}; server ${
        (await fetch(`${server.url}/api/health`).then(
          (x) => x.status,
          () => 0,
        )) === 200
          ? "up"
          : "DOWN"
      }`;
    }
    return { model: label, rows: [...systems.map((s) => s.row), ...pageRows], skipped, stages, load, loadavg: loadavg() };
  } finally {
    floors.forEach((f) => f.close());
    await raw.close();
  }
}

function orExit<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    console.error(`bench:predict: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  }
}
const args = orExit(() => benchArgs());
const ROUNDS = args.rounds;
const CLIENTS = args.clients;
const { list: images, source } = orExit(() => benchImages({ dir: args.images, synthetic: args.synthetic, limit: 16 }));
console.error(`images: ${source}; load average at start ${loadavg()} (1/5/15 min)`);
const reports: Report[] = [];
if (args.url) {
  const model = args.models![0]!;
  reports.push(await measure(`${path.basename(model)} @ ${args.url}`, model, images, { url: args.url, token: args.token! }, false));
} else {
  const models = args.models ?? [
    "models/demo-nodule-mass/model.onnx",
    ...(process.env.BENCH_LARGE === "0" ? [] : [largeBenchModel()].filter((m): m is string => !!m)),
  ];
  if (!args.models && models.length === 1)
    console.error("(YOLO11-L skipped: set up training/ and run `cxr-train make-bench-model`, or BENCH_LARGE=0 was set)");
  for (const [i, model] of models.entries()) {
    const server: BenchServer = await startProdServer(model, args.port + i);
    try {
      const few = i === 0 ? images : images.slice(0, 6); // the large model: fewer images, it takes ~1 s each
      reports.push(await measure(path.relative(".", model), model, few, server, i === 0, i === 0 ? server : undefined));
      reports.at(-1)!.rssMb = server.peakRssMb();
    } finally {
      await server.stop();
    }
  }
}
printReport(reports, CLIENTS);
process.exit(reports.every((r) => !r.load?.includes("FAILED")) ? 0 : 1);
