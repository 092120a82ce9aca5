import { withAuth } from "@/lib/api/with-auth";
import { paramOf, parseJsonBody } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { completeAnnotationTask } from "@/lib/assignments/complete-annotation-task";
import { completeAssignmentBodySchema } from "@/lib/schemas/assignment";

// POST /api/v1/assignments/:id/complete — the assignee finishes an annotation task at the review version last seen (stale → 409).
export const POST = withAuth(async ({ req, principal, params }) => {
  const body = await parseJsonBody(req, completeAssignmentBodySchema);
  return Response.json(await completeAnnotationTask(actorOf(principal), paramOf(params, "id"), body));
});
