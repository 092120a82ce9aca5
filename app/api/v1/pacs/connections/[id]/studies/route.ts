import { withAuth } from "@/lib/api/with-auth";
import { jsonError } from "@/lib/api/errors";
import { paramOf, parseQuery } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { seesPatientIdentity } from "@/lib/auth/phi-access";
import { searchPacs } from "@/lib/pacs/search-pacs";
import { searchPacsQuerySchema } from "@/lib/schemas/pacs";

export const runtime = "nodejs";

// GET /api/v1/pacs/connections/:id/studies — QIDO-RS search of that PACS, studies already here marked (readers, admins).
// Its results are patient names and IDs: a token works only when its owner is an admin (lib/auth/phi-access).
export const GET = withAuth(
  async ({ req, principal, params }) => {
    if (!seesPatientIdentity(principal))
      return jsonError(403, "forbidden", "A PACS search shows patient identifiers: use an admin's token or sign in.");
    return Response.json({ studies: await searchPacs(actorOf(principal), paramOf(params, "id"), parseQuery(req, searchPacsQuerySchema)) });
  },
  { roles: ["radiologist", "admin"], tokenScope: "read" },
);
