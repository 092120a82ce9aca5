import { withAuth } from "@/lib/api/with-auth";
import { paramOf, parseJsonBody } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { toPacsConnectionDto } from "@/lib/pacs/connection-dto";
import { deletePacsConnection, getPacsConnectionOrThrow, updatePacsConnection } from "@/lib/pacs/manage-connections";
import { updatePacsConnectionBodySchema } from "@/lib/schemas/pacs";

export const runtime = "nodejs";

// GET /api/v1/pacs/connections/:id — one connection (admin).
export const GET = withAuth(
  async ({ params }) => Response.json({ connection: toPacsConnectionDto(await getPacsConnectionOrThrow(paramOf(params, "id"))) }),
  { roles: ["admin"] },
);

// PATCH /api/v1/pacs/connections/:id — change fields; omit `secret` to keep it, null clears it (admin).
export const PATCH = withAuth(
  async ({ req, principal, params }) => {
    const body = await parseJsonBody(req, updatePacsConnectionBodySchema);
    return Response.json({ connection: await updatePacsConnection(actorOf(principal), paramOf(params, "id"), body) });
  },
  { roles: ["admin"] },
);

// DELETE /api/v1/pacs/connections/:id — remove a connection and its pull records (admin).
export const DELETE = withAuth(
  async ({ principal, params }) => {
    await deletePacsConnection(actorOf(principal), paramOf(params, "id"));
    return new Response(null, { status: 204 });
  },
  { roles: ["admin"] },
);
