import { withAuth } from "@/lib/api/with-auth";
import { paramOf } from "@/lib/api/parse-body";
import { seesPatientIdentity } from "@/lib/auth/phi-access";
import { listPriorsOrThrow } from "@/lib/priors/list-priors";

// GET /api/v1/studies/:studyId/priors — the same patient's studies, the current one marked (identity access only; else the current alone).
export const GET = withAuth(async ({ principal, params }) =>
  Response.json(await listPriorsOrThrow(paramOf(params, "studyId"), seesPatientIdentity(principal))),
);
