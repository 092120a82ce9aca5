import { withAuth } from "@/lib/api/with-auth";
import { parseQuery } from "@/lib/api/parse-body";
import { listAudit } from "@/lib/audit/list-audit";
import { listAuditQuerySchema } from "@/lib/schemas/audit";

// GET /api/v1/audit — the audit trail, newest first (admin).
export const GET = withAuth(async ({ req }) => Response.json({ events: await listAudit(parseQuery(req, listAuditQuerySchema)) }), {
  roles: ["admin"],
});
