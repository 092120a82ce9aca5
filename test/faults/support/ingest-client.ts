// Clients for the ingest fault scenarios: multipart uploads, a chunked body that keeps streaming until the server
// answers (or the limit is reached), and a sampler of the server's peak memory.
import http from "node:http";
import type { ProdServer } from "./prod-server";

export type Upload = { name: string; bytes: Uint8Array };

export async function postFiles(url: string, path: string, token: string, files: Upload[], field = "files") {
  const form = new FormData();
  for (const f of files) form.append(field, new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: "application/octet-stream" }), f.name);
  const res = await fetch(`${url}${path}`, { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json().catch(() => null)) as {
    results?: { fileName: string; status: string; error?: { code: string; message: string } }[];
    error?: { code: string; message: string };
  } | null;
  return { status: res.status, body };
}

/** Streams `totalBytes` with Transfer-Encoding: chunked (no Content-Length); stops once the server has answered. */
export function chunkedPost(
  url: string,
  path: string,
  headers: Record<string, string>,
  totalBytes: number,
  prefix = new Uint8Array(0),
): Promise<{ status: number; bytesSent: number; ms: number; body: string }> {
  const chunk = Buffer.alloc(256 * 1024, 0x41);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(`${url}${path}`, { method: "POST", headers: { ...headers, "transfer-encoding": "chunked" } }, (res) => {
      answered = true;
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, bytesSent: sent, ms: Date.now() - started, body });
      });
    });
    req.on("error", (e) => (answered ? undefined : reject(e)));
    const pump = () => {
      if (sent === 0 && prefix.length) {
        sent += prefix.length;
        req.write(prefix);
      }
      while (!answered && sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

/** Samples the server tree's RSS every 100 ms; `stop()` returns the peak growth over the baseline, in MB. */
export function sampleRss(server: ProdServer) {
  const baseline = server.rssMb();
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, server.rssMb())), 100);
  return {
    baseline,
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, server.rssMb());
      return Math.round(peak - baseline);
    },
  };
}

/** Runs `tasks` with at most `limit` at once. */
export async function pool<T>(items: T[], limit: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}
