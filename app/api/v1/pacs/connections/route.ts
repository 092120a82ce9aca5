import { withAuth } from "@/lib/api/with-auth";
import { parseJsonBody } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { createPacsConnection, listPacsConnections } from "@/lib/pacs/manage-connections";
import { createPacsConnectionBodySchema } from "@/lib/schemas/pacs";

export const runtime = "nodejs";

// GET /api/v1/pacs/connections — every PACS connection, secrets never included (admin).
export const GET = withAuth(async () => Response.json({ connections: await listPacsConnections() }), { roles: ["admin"] });

// POST /api/v1/pacs/connections — add a PACS connection (admin).
export const POST = withAuth(
  async ({ req, principal }) => {
    const body = await parseJsonBody(req, createPacsConnectionBodySchema);
    return Response.json({ connection: await createPacsConnection(actorOf(principal), body) }, { status: 201 });
  },
  { roles: ["admin"] },
);
