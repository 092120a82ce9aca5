import { withAuth } from "@/lib/api/with-auth";
import { parseQuery } from "@/lib/api/parse-body";
import { listPacsPulls } from "@/lib/pacs/list-pulls";
import { listPacsPullsQuerySchema } from "@/lib/schemas/pacs";

export const runtime = "nodejs";

// GET /api/v1/pacs/pulls — recent pulls with their job's state and progress (readers, admins).
export const GET = withAuth(async ({ req }) => Response.json({ pulls: await listPacsPulls(parseQuery(req, listPacsPullsQuerySchema)) }), {
  roles: ["radiologist", "admin"],
  tokenScope: "read",
});
