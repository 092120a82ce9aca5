import http from "node:http";
import type { AddressInfo } from "node:net";
import { log } from "@/lib/log";
import { metricsRegistry } from "@/lib/metrics/registry";

export type MetricsServer = { port: number; close(): Promise<void> };

// A worker's own /metrics (it has no web server): Prometheus scrapes each worker on WORKER_METRICS_PORT.
export function startMetricsServer(port: number, host = "0.0.0.0"): Promise<MetricsServer> {
  const registry = metricsRegistry();
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/metrics") {
      res.writeHead(404).end();
      return;
    }
    registry.metrics().then(
      (body) => res.writeHead(200, { "content-type": registry.contentType }).end(body),
      (e: Error) => {
        log.warn("metrics collection failed", { error: e.message });
        res.writeHead(500).end();
      },
    );
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const bound = (server.address() as AddressInfo).port;
      log.info("worker metrics listening", { port: bound });
      resolve({ port: bound, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
