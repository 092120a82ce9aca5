import { withAuth } from "@/lib/api/with-auth";
import { paramOf } from "@/lib/api/parse-body";
import { seesPatientIdentity } from "@/lib/auth/phi-access";
import { actorOf } from "@/lib/auth/principal";
import { loadPriorComparisonOrThrow } from "@/lib/priors/load-prior-comparison";

export const runtime = "nodejs";

// GET /api/v1/studies/:studyId/priors/:priorId — both first images with their lung fields and the prior's final boxes (audited as viewed).
export const GET = withAuth(async ({ principal, params }) =>
  Response.json(
    await loadPriorComparisonOrThrow(
      actorOf(principal),
      paramOf(params, "studyId"),
      paramOf(params, "priorId"),
      seesPatientIdentity(principal),
    ),
  ),
);
