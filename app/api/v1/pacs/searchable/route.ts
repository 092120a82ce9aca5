import { withAuth } from "@/lib/api/with-auth";
import { listSearchablePacs } from "@/lib/pacs/manage-connections";

export const runtime = "nodejs";

// GET /api/v1/pacs/searchable — the PACS a reader can search (enabled DICOMweb connections; names only).
export const GET = withAuth(async () => Response.json({ connections: await listSearchablePacs() }), {
  roles: ["radiologist", "admin"],
  tokenScope: "read",
});
