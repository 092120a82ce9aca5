import { withAuth } from "@/lib/api/with-auth";
import { paramOf, parseJsonBody } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { createConsensus } from "@/lib/double-reading/create-consensus";
import { createConsensusBodySchema } from "@/lib/schemas/double-reading";

// POST /api/v1/studies/:studyId/consensus — fuse the two signed-off double reads into the admin's consensus review (WBF).
export const POST = withAuth(
  async ({ req, principal, params }) => {
    const body = await parseJsonBody(req, createConsensusBodySchema);
    return Response.json({ review: await createConsensus(actorOf(principal), paramOf(params, "studyId"), body) }, { status: 201 });
  },
  { roles: ["admin"] },
);
