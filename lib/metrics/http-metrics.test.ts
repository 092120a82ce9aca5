import { describe, expect, it } from "vitest";
import { observeHttp } from "./http-metrics";
import { metricsRegistry } from "./registry";

describe("observeHttp", () => {
  it("records latency per route, method and status, and counts errors by code", async () => {
    observeHttp("/api/test-http", "get", 200, 0.02);
    observeHttp("/api/test-http", "POST", 503, 0.3, "unavailable");
    observeHttp("/api/test-http", "POST", 404, 0.001);
    const text = await metricsRegistry().metrics();
    expect(text).toContain('cxr_http_request_seconds_count{route="/api/test-http",method="GET",status="200"} 1');
    expect(text).toContain('cxr_http_request_seconds_bucket{le="0.025",route="/api/test-http",method="GET",status="200"} 1');
    expect(text).toContain('cxr_http_errors_total{route="/api/test-http",code="unavailable"} 1');
    expect(text).toContain('cxr_http_errors_total{route="/api/test-http",code="404"} 1');
    expect(text).not.toMatch(/cxr_http_errors_total\{route="\/api\/test-http",code="200"\}/);
  });

  it("shares one registry, with Node's default metrics, across calls", async () => {
    expect(metricsRegistry()).toBe(metricsRegistry());
    expect(await metricsRegistry().metrics()).toContain("process_cpu_seconds_total");
  });
});
