import { withAuth } from "@/lib/api/with-auth";
import { paramOf } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { revokeToken } from "@/lib/tokens/manage-tokens";

// DELETE /api/v1/tokens/:id — revoke a token (its owner, or an admin).
export const DELETE = withAuth(async ({ principal, params }) =>
  Response.json({ token: await revokeToken(actorOf(principal), paramOf(params, "id")) }),
);
