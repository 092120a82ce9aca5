import { withAuth } from "@/lib/api/with-auth";
import { paramOf } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { readExportZip } from "@/lib/exports/manage-exports";

export const runtime = "nodejs";

// GET /api/v1/exports/:id/download — the finished export's zip (admin, or an admin's token with 'read', e.g. a GPU host; audited).
export const GET = withAuth(
  async ({ params, principal }) => {
    const { bytes, fileName } = await readExportZip(actorOf(principal), paramOf(params, "id"));
    return new Response(Buffer.from(bytes), {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${fileName}"`,
        "content-length": String(bytes.length),
        "cache-control": "no-store",
      },
    });
  },
  { roles: ["admin"], tokenScope: "read" },
);
