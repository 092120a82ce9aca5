import { paramOf, parseJsonBody } from "@/lib/api/parse-body";
import { withAuth } from "@/lib/api/with-auth";
import { actorOf } from "@/lib/auth/principal";
import { requestOptimization } from "@/lib/models/optimize-job";
import { optimizeBodySchema } from "@/lib/schemas/model";

export const runtime = "nodejs";

// POST /api/v1/models/:id/optimize — a statically quantized INT8 sibling of the version, calibrated on an export's
// images ({ exportId? }, default the export it was trained on), registered and evaluated in the background (admin).
export const POST = withAuth(
  async ({ req, principal, params }) => Response.json(await requestOptimization(actorOf(principal), paramOf(params, "id"), await parseJsonBody(req, optimizeBodySchema)), { status: 202 }),
  { roles: ["admin"] },
);
