import { withAuth } from "@/lib/api/with-auth";
import { paramOf, parseJsonBody } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { toModelVersionDto } from "@/lib/models/list-models";
import { rollbackModel } from "@/lib/models/rollback-model";
import { rollbackBodySchema } from "@/lib/schemas/model";

// POST /api/v1/models/:id/rollback — canary → registered (or archived); production → the version it replaced (admin; audited).
export const POST = withAuth(
  async ({ req, principal, params }) => {
    const body = (await req.clone().text()).trim() ? await parseJsonBody(req, rollbackBodySchema) : {}; // the body is optional
    const r = await rollbackModel(actorOf(principal), paramOf(params, "id"), body);
    return Response.json({ rolledBack: toModelVersionDto(r.rolledBack), restored: r.restored && toModelVersionDto(r.restored) });
  },
  { roles: ["admin"] },
);
