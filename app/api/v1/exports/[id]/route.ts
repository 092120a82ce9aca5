import { withAuth } from "@/lib/api/with-auth";
import { paramOf } from "@/lib/api/parse-body";
import { getExportOrThrow } from "@/lib/exports/manage-exports";

export const runtime = "nodejs";

// GET /api/v1/exports/:id — status, counts per split and class, and the job's progress (admin).
export const GET = withAuth(async ({ params }) => Response.json({ export: await getExportOrThrow(paramOf(params, "id")) }), {
  roles: ["admin"],
});
