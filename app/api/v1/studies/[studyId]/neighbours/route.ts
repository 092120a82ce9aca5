import { withAuth } from "@/lib/api/with-auth";
import { paramOf, parseQuery } from "@/lib/api/parse-body";
import { seesPatientIdentity } from "@/lib/auth/phi-access";
import { listStudiesQuerySchema } from "@/lib/schemas/study";
import { worklistNeighbours } from "@/lib/studies/list-worklist";

// GET /api/v1/studies/:studyId/neighbours?<worklist query> — previous and next study in that worklist order.
export const GET = withAuth(async ({ req, params, principal }) =>
  Response.json(
    await worklistNeighbours(paramOf(params, "studyId"), parseQuery(req, listStudiesQuerySchema), seesPatientIdentity(principal)),
  ),
);
