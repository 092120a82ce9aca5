import { withAuth } from "@/lib/api/with-auth";
import { parseJsonBody, parseQuery } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { seesPatientIdentity } from "@/lib/auth/phi-access";
import { createAssignments } from "@/lib/assignments/create-assignments";
import { listAssignments } from "@/lib/assignments/manage-assignment";
import { createAssignmentsBodySchema, listAssignmentsQuerySchema } from "@/lib/schemas/assignment";

// GET /api/v1/assignments?mine=1&status=&kind=&studyId= — the caller's tasks (open by default); without mine: every task (admin).
export const GET = withAuth(async ({ req, principal }) =>
  Response.json({
    assignments: await listAssignments(actorOf(principal), parseQuery(req, listAssignmentsQuerySchema), seesPatientIdentity(principal)),
  }),
);

// POST /api/v1/assignments — assign studies: annotate (one annotator) or double_read (two readers) (admin).
export const POST = withAuth(
  async ({ req, principal }) => {
    const body = await parseJsonBody(req, createAssignmentsBodySchema);
    return Response.json(await createAssignments(actorOf(principal), body), { status: 201 });
  },
  { roles: ["admin"] },
);
