// `npm run bench:viewer [file.dcm] [runs]`: decode + VOI + first draw time in Chromium (Debian's, as in e2e) for a
// DICOM file (default RG1_J2KI.dcm, 1955×1841 JPEG 2000), measured from the moment its bytes have arrived.
import { build } from "esbuild";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { chromium } from "@playwright/test";
import type { ViewerTimings } from "@/components/viewer/viewer-timings";

const root = path.resolve(import.meta.dirname, "..");
const file = path.resolve(process.argv[2] ?? path.join(root, "../shared/data/dicom/pydicom-data/RG1_J2KI.dcm"));
const pages = Number(process.argv[3] ?? 5);
const runsPerPage = 4;
if (!fs.existsSync(file)) {
  console.error(`bench:viewer — ${file} not found (pass a DICOM path as the first argument).`);
  process.exit(1);
}

// The page and the viewer's decode worker; the page finds the worker at new URL("./decode.worker.ts", import.meta.url).
const bundle = await build({
  entryPoints: { bench: path.join(root, "scripts/bench-viewer.browser.ts"), worker: path.join(root, "components/viewer/decode.worker.ts") },
  bundle: true,
  write: false,
  outdir: "out",
  format: "esm",
  platform: "browser",
  minify: true,
  external: ["fs", "path"], // the Emscripten codecs require them only under Node
  tsconfig: path.join(root, "tsconfig.json"),
  logLevel: "error",
});
const output = (name: string) => bundle.outputFiles.find((f) => path.basename(f.path) === `${name}.js`)!.contents;
const js = output("bench");
const workerJs = output("worker");
const wasmDirs = ["codec-openjpeg", "codec-charls", "codec-libjpeg-turbo-8bit"].map((p) =>
  path.join(root, "node_modules/@cornerstonejs", p, "dist"),
);
const html = `<!doctype html><body style="margin:0;background:#000"><div id="viewport" style="width:1000px;height:1000px"></div><script type="module" src="/bench.js"></script></body>`;

const server = http.createServer((req, res) => {
  const pathname = new URL(req.url ?? "/", "http://x").pathname;
  const send = (type: string, body: Uint8Array | string) => res.writeHead(200, { "content-type": type }).end(body);
  if (pathname === "/") return send("text/html", html);
  if (pathname === "/bench.js") return send("text/javascript", js);
  if (pathname === "/decode.worker.ts") return send("text/javascript", workerJs);
  if (pathname === "/file.dcm") return send("application/dicom", fs.readFileSync(file));
  const wasm = pathname.endsWith(".wasm") && wasmDirs.map((d) => path.join(d, path.basename(pathname))).find((p) => fs.existsSync(p));
  if (wasm) return send("application/wasm", fs.readFileSync(wasm));
  res.writeHead(404).end();
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const port = (server.address() as { port: number }).port;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
});
const cold: ViewerTimings[] = [];
const warm: ViewerTimings[] = [];
try {
  for (let i = 0; i < pages; i++) {
    const page = await browser.newPage(); // a fresh page: the first image pays for compiling the codec
    await page.goto(`http://127.0.0.1:${port}/?runs=${runsPerPage}`);
    await page.waitForFunction(() => window.__benchDone || window.__benchError, null, { timeout: 60_000 });
    const error = await page.evaluate(() => window.__benchError);
    if (error) throw new Error(error);
    const [first, ...rest] = (await page.evaluate(() => window.__benchResults))!;
    cold.push(first!);
    warm.push(...rest);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function report(title: string, results: ViewerTimings[]) {
  const ms = (k: keyof ViewerTimings) => {
    const xs = results.map((r) => r[k]).filter((v): v is number => typeof v === "number");
    return xs.length ? `${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})` : "—";
  };
  const firstDraw = median(results.map((r) => r.firstDrawAfterBytesMs ?? Infinity));
  console.log(`  ${title}, ${results.length} loads, median (min, max):`);
  console.log(`    parse                       ${ms("parseMs")}`);
  console.log(`    codec still compiling       ${ms("previewCodecWaitMs")}`);
  console.log(`    first pass decode (level ${results[0]?.previewLevel ?? 0}) ${ms("previewDecodeMs")}`);
  console.log(`    first pass VOI              ${ms("previewVoiMs")}`);
  console.log(`    bytes → first draw          ${ms("firstDrawAfterBytesMs")}   target ≤ 300 ms: ${firstDraw <= 300 ? "met" : "MISSED"}`);
  console.log(`    full-resolution decode      ${ms("decodeMs")}`);
  console.log(`    full-resolution VOI         ${ms("voiMs")}`);
  console.log(`    bytes → full-res draw       ${ms("fullDrawAfterBytesMs")}`);
}
console.log(`bench:viewer — ${path.basename(file)} (${cold[0]?.transferSyntax}) in Chromium ${browser.version()}`);
report("cold page (codec compiled while the bytes load)", cold);
report("warm (next study in the same session)", warm);
