import { withAuth } from "@/lib/api/with-auth";
import { paramOf } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { cancelAssignment, getAssignmentOrThrow } from "@/lib/assignments/manage-assignment";

// GET /api/v1/assignments/:id — one task (its assignee or an admin; others get 404).
export const GET = withAuth(async ({ principal, params }) =>
  Response.json({ assignment: await getAssignmentOrThrow(actorOf(principal), paramOf(params, "id")) }),
);

// DELETE /api/v1/assignments/:id — cancel an open task (admin); done tasks are kept (409).
export const DELETE = withAuth(
  async ({ principal, params }) => {
    await cancelAssignment(actorOf(principal), paramOf(params, "id"));
    return new Response(null, { status: 204 });
  },
  { roles: ["admin"] },
);
