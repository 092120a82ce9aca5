import { checkReadiness } from "@/lib/health/check-readiness";
import { withErrors } from "@/lib/api/with-auth";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// GET /api/ready — database, migrations, storage, job queue, model and inference backend, each bounded by a timeout;
// 503 with `down` naming what is not ready.
export const GET = withErrors(async () => {
  const r = await checkReadiness();
  return Response.json(r, { status: r.ready ? 200 : 503 });
});
