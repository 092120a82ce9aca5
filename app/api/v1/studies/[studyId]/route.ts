import { withAuth } from "@/lib/api/with-auth";
import { paramOf } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { seesPatientIdentity } from "@/lib/auth/phi-access";
import { getStudyOrThrow } from "@/lib/studies/get-study";

export const runtime = "nodejs";

// GET /api/v1/studies/:studyId — a study with its instances (audited as viewed; pseudonym only for annotators).
export const GET = withAuth(
  async ({ principal, params }) =>
    Response.json(await getStudyOrThrow(actorOf(principal), paramOf(params, "studyId"), seesPatientIdentity(principal))),
  { tokenScope: "read" },
);
