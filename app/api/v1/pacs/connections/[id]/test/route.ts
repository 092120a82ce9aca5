import { withAuth } from "@/lib/api/with-auth";
import { paramOf } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { testPacsConnection } from "@/lib/pacs/test-connection";

export const runtime = "nodejs";

// POST /api/v1/pacs/connections/:id/test — QIDO-RS and C-ECHO with the stored settings; a refusal is a result (admin).
export const POST = withAuth(
  async ({ principal, params }) => Response.json({ result: await testPacsConnection(actorOf(principal), paramOf(params, "id")) }),
  { roles: ["admin"] },
);
