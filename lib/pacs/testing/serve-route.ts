// Serves real App Router handlers over plain node:http for integration tests that need a URL (e.g. Orthanc pushing by
// STOW-RS) without a production build: the request is handed over as a WHATWG Request, streamed body included.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type Route = { pattern: RegExp; method: string; handler: Handler; params?: (m: RegExpMatchArray) => Record<string, string> };
export type RouteServer = { url: string; close(): Promise<void> };

export async function serveRoutes(routes: Route[]): Promise<RouteServer> {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    const route = routes.map((r) => ({ r, m: url.pathname.match(r.pattern) })).find(({ r, m }) => m && r.method === req.method);
    if (!route) return void res.writeHead(404).end();
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : (Readable.toWeb(req) as ReadableStream);
    const request = new Request(url, { method: req.method, headers, body, duplex: "half" } as RequestInit);
    const response = await route.r.handler(request, { params: Promise.resolve(route.r.params?.(route.m!) ?? {}) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A multipart/related; type="application/dicom" body, as a STOW-RS client sends it. */
export function multipartRelated(parts: { type: string; bytes: Uint8Array }[], boundary = `cxr-${Date.now()}`) {
  const chunks: Buffer[] = [];
  for (const p of parts)
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Type: ${p.type}\r\n\r\n`), Buffer.from(p.bytes), Buffer.from("\r\n"));
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/related; type="application/dicom"; boundary=${boundary}` };
}
