import { withAuth } from "@/lib/api/with-auth";
import { parseJsonBody, parseQuery } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { createExport, listExports } from "@/lib/exports/manage-exports";
import { createExportBodySchema, listExportsQuerySchema } from "@/lib/schemas/export";

export const runtime = "nodejs";

// GET /api/v1/exports — dataset exports, newest first, with their job's progress (admin).
export const GET = withAuth(
  async ({ req }) => Response.json({ exports: await listExports(parseQuery(req, listExportsQuerySchema).limit) }),
  { roles: ["admin"] },
);

// POST /api/v1/exports — start a YOLO / COCO export of reviewed labels as a background job (admin).
export const POST = withAuth(
  async ({ req, principal }) => {
    const body = await parseJsonBody(req, createExportBodySchema);
    return Response.json({ export: await createExport(actorOf(principal), body) }, { status: 201 });
  },
  { roles: ["admin"] },
);
