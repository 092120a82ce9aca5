import { withAuth } from "@/lib/api/with-auth";
import { metricsRegistry } from "@/lib/metrics/registry";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/metrics — Prometheus text format (admins; Prometheus scrapes with an admin's token holding the `metrics` scope).
export const GET = withAuth(
  async () => {
    const registry = metricsRegistry();
    return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType } });
  },
  { roles: ["admin"], tokenScope: "metrics" },
);
