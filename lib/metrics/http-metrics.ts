import { Counter, Histogram } from "prom-client";
import { singleMetric } from "./registry";

// Request latency and error counts per route, recorded by the API layer.

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const requestSeconds = () =>
  singleMetric(
    "cxr_http_request_seconds",
    (r) =>
      new Histogram({
        name: "cxr_http_request_seconds",
        help: "HTTP request latency by route template, method and status.",
        labelNames: ["route", "method", "status"] as const,
        buckets: SECONDS_BUCKETS,
        registers: [r],
      }),
  );
const httpErrors = () =>
  singleMetric(
    "cxr_http_errors_total",
    (r) =>
      new Counter({
        name: "cxr_http_errors_total",
        help: "HTTP error responses by route template and error code.",
        labelNames: ["route", "code"] as const,
        registers: [r],
      }),
  );

/**
 * Records one response. `route` is the template (e.g. "/api/v1/predict"), never the raw path, so label cardinality
 * stays bounded. A status ≥ 400 also counts an error under `errorCode` (the AppError code) or else the status.
 */
export function observeHttp(route: string, method: string, status: number, seconds: number, errorCode?: string): void {
  requestSeconds().observe({ route, method: method.toUpperCase(), status: String(status) }, seconds);
  if (status >= 400) httpErrors().inc({ route, code: errorCode ?? String(status) });
}
