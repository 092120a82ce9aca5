import { withAuth } from "@/lib/api/with-auth";
import { parseQuery } from "@/lib/api/parse-body";
import { agreementReport } from "@/lib/double-reading/agreement-report";
import { agreementQuerySchema } from "@/lib/schemas/double-reading";

// GET /api/v1/admin/agreement?iou=0.4 — double-read agreement per class and per study, with consensus state (admin).
export const GET = withAuth(async ({ req }) => Response.json(await agreementReport(parseQuery(req, agreementQuerySchema).iou)), {
  roles: ["admin"],
});
