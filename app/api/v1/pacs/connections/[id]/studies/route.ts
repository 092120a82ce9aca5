import { withAuth } from "@/lib/api/with-auth";
import { paramOf, parseQuery } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { searchPacs } from "@/lib/pacs/search-pacs";
import { searchPacsQuerySchema } from "@/lib/schemas/pacs";

export const runtime = "nodejs";

// GET /api/v1/pacs/connections/:id/studies — QIDO-RS search of that PACS, studies already here marked (readers, admins).
export const GET = withAuth(
  async ({ req, principal, params }) => Response.json({ studies: await searchPacs(actorOf(principal), paramOf(params, "id"), parseQuery(req, searchPacsQuerySchema)) }),
  { roles: ["radiologist", "admin"], tokenScope: "read" },
);
