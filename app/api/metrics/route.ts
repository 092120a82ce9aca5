import { metricsRegistry } from "@/lib/metrics/registry";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/metrics — Prometheus text format: inference latency, batch sizes, queue depth, errors, HTTP latency.
export async function GET() {
  const registry = metricsRegistry();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType } });
}
