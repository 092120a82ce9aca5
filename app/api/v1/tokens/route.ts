import { withAuth } from "@/lib/api/with-auth";
import { parseJsonBody } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { createTokenBodySchema } from "@/lib/schemas/token";
import { createToken, listTokens } from "@/lib/tokens/manage-tokens";

// GET /api/v1/tokens — the caller's own API tokens (never their secrets).
export const GET = withAuth(async ({ principal }) => Response.json({ tokens: await listTokens(principal.userId) }));

// POST /api/v1/tokens — create a personal API token; the secret is in this response only.
export const POST = withAuth(async ({ req, principal }) => {
  const body = await parseJsonBody(req, createTokenBodySchema);
  return Response.json({ token: await createToken(actorOf(principal), body) }, { status: 201 });
});
