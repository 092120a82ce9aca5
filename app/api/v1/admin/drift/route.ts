import { withAuth } from "@/lib/api/with-auth";
import { parseJsonBody, parseQuery } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { computeDrift } from "@/lib/drift/compute-drift";
import { listDriftSnapshots } from "@/lib/drift/list-snapshots";
import { computeDriftBodySchema, listDriftQuerySchema } from "@/lib/schemas/drift";

export const runtime = "nodejs";

// GET /api/v1/admin/drift?feature=&limit= — drift snapshot history, newest first (admin).
export const GET = withAuth(
  async ({ req }) => Response.json({ snapshots: await listDriftSnapshots(parseQuery(req, listDriftQuerySchema)) }),
  { roles: ["admin"] },
);

// POST /api/v1/admin/drift — compute drift now for a reference and a current window; returns the report (admin).
export const POST = withAuth(
  async ({ req, principal }) => {
    const body = await parseJsonBody(req, computeDriftBodySchema);
    return Response.json({ report: await computeDrift(body, { actor: actorOf(principal) }) });
  },
  { roles: ["admin"] },
);
