import { withAuth } from "@/lib/api/with-auth";
import { parseJsonBody } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { enqueueAutoAssign } from "@/lib/jobs/auto-assign-request";
import { runAutoAssignBodySchema } from "@/lib/schemas/assignment";

// POST /api/v1/assignments/auto — queue the automatic annotation-task run now (admin); 202 with the job id.
export const POST = withAuth(
  async ({ req, principal }) => {
    const body = await parseJsonBody(req, runAutoAssignBodySchema);
    const { id, existing } = await enqueueAutoAssign({ ...body, actor: actorOf(principal) });
    return Response.json({ jobId: id, alreadyQueued: existing }, { status: 202 });
  },
  { roles: ["admin"] },
);
