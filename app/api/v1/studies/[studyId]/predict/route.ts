import { withAuth } from "@/lib/api/with-auth";
import { paramOf } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { rerunPrediction } from "@/lib/predictions/rerun-prediction";

export const runtime = "nodejs";

// POST /api/v1/studies/:studyId/predict — admin: queue the AI again for a study whose prediction failed (audited).
export const POST = withAuth(
  async ({ principal, params }) => Response.json(await rerunPrediction(actorOf(principal), paramOf(params, "studyId")), { status: 202 }),
  {
    roles: ["admin"],
  },
);
