import { checkReadiness } from "@/lib/health/check-readiness";
import { withErrors } from "@/lib/api/with-auth";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// GET /api/ready — database reachable, migrations applied (and later: model loaded); 503 until then.
export const GET = withErrors(async () => {
  const r = await checkReadiness();
  return Response.json(r, { status: r.ready ? 200 : 503 });
});
