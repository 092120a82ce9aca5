import { withAuth } from "@/lib/api/with-auth";
import { parseJsonBody } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { createUserBodySchema } from "@/lib/schemas/user";
import { createUser, listUsers } from "@/lib/users/manage-users";

// GET /api/v1/users — every user (admin).
export const GET = withAuth(async () => Response.json({ users: await listUsers() }), { roles: ["admin"] });

// POST /api/v1/users — add a user with a role (admin).
export const POST = withAuth(
  async ({ req, principal }) => {
    const body = await parseJsonBody(req, createUserBodySchema);
    return Response.json({ user: await createUser(actorOf(principal), body) }, { status: 201 });
  },
  { roles: ["admin"] },
);
