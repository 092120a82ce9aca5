import { withAuth } from "@/lib/api/with-auth";
import { paramOf, parseJsonBody } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { requestPulls } from "@/lib/pacs/request-pulls";
import { pullStudiesBodySchema } from "@/lib/schemas/pacs";

export const runtime = "nodejs";

// POST /api/v1/pacs/connections/:id/pulls — pull studies (WADO-RS) into the app, one durable job each (readers, admins).
export const POST = withAuth(
  async ({ req, principal, params }) => {
    const { studyInstanceUids } = await parseJsonBody(req, pullStudiesBodySchema);
    const pulls = await requestPulls(
      actorOf(principal),
      paramOf(params, "id"),
      studyInstanceUids.map((studyInstanceUid) => ({ studyInstanceUid })),
      "manual",
    );
    return Response.json({ pulls }, { status: 202 });
  },
  { roles: ["radiologist", "admin"], tokenScope: "studies:write" },
);
