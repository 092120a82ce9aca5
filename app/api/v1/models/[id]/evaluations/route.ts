import { withAuth } from "@/lib/api/with-auth";
import { paramOf } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { listEvaluations } from "@/lib/evaluation/list-evaluations";
import { requestEvaluation } from "@/lib/evaluation/evaluation-job";

export const runtime = "nodejs";

// GET /api/v1/models/:id/evaluations — the version's evaluations, newest first (admin).
export const GET = withAuth(async ({ params }) => Response.json({ evaluations: await listEvaluations(paramOf(params, "id")) }), { roles: ["admin"] });

// POST /api/v1/models/:id/evaluations — re-evaluate on the current held-out signed-off reviews (admin; audited).
export const POST = withAuth(async ({ principal, params }) => Response.json(await requestEvaluation(paramOf(params, "id"), actorOf(principal)), { status: 202 }), { roles: ["admin"] });
