import { withAuth } from "@/lib/api/with-auth";
import { paramOf, parseJsonBody } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { updateUserBodySchema } from "@/lib/schemas/user";
import { getUserOrThrow, updateUser } from "@/lib/users/manage-users";

// GET /api/v1/users/:id — one user (admin).
export const GET = withAuth(async ({ params }) => Response.json({ user: await getUserOrThrow(paramOf(params, "id")) }), {
  roles: ["admin"],
});

// PATCH /api/v1/users/:id — change name, role, disabled or password (admin; audited).
export const PATCH = withAuth(
  async ({ req, principal, params }) => {
    const body = await parseJsonBody(req, updateUserBodySchema);
    return Response.json({ user: await updateUser(actorOf(principal), paramOf(params, "id"), body) });
  },
  { roles: ["admin"] },
);
