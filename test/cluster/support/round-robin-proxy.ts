// A small round-robin HTTP proxy (node:http) in front of the web instances, as a load balancer would be: each request
// goes to the next upstream, bodies streamed both ways; counts what each upstream was sent.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RoundRobinProxy = { url: string; sent: number[]; close(): Promise<void> };

export async function startRoundRobinProxy(upstreams: string[]): Promise<RoundRobinProxy> {
  const targets = upstreams.map((u) => new URL(u));
  const sent = targets.map(() => 0);
  let next = 0;
  const agent = new http.Agent({ keepAlive: false });
  const server = http.createServer((req, res) => {
    const i = next++ % targets.length;
    sent[i]! += 1;
    const t = targets[i]!;
    const upstream = http.request(
      {
        host: t.hostname,
        port: t.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: t.host, "x-forwarded-for": "127.0.0.1" },
        agent,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    // An instance that is down answers 502, as a load balancer without health checks would.
    upstream.on("error", () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, sent, close: () => new Promise((r) => server.close(() => r())) };
}
