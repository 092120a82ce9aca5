import { withAuth } from "@/lib/api/with-auth";
import { paramOf, parseJsonBody } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { changeStage } from "@/lib/models/change-stage";
import { toModelVersionDto } from "@/lib/models/list-models";
import { changeStageBodySchema } from "@/lib/schemas/model";

// POST /api/v1/models/:id/stage — move a version to a stage (canary share, shadow, reason; an override reason when it
// evaluated below production) (admin; audited).
export const POST = withAuth(
  async ({ req, principal, params }) => {
    const body = await parseJsonBody(req, changeStageBodySchema);
    return Response.json({ model: toModelVersionDto(await changeStage(actorOf(principal), paramOf(params, "id"), body)) });
  },
  { roles: ["admin"] },
);
