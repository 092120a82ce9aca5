import { withAuth } from "@/lib/api/with-auth";
import { paramOf } from "@/lib/api/parse-body";
import { getTrainingRunOrThrow } from "@/lib/training/manage-training-runs";

export const runtime = "nodejs";

// GET /api/v1/training-runs/:id — status, progress, log tail, metrics and the registered model (admin).
export const GET = withAuth(async ({ params }) => Response.json({ run: await getTrainingRunOrThrow(paramOf(params, "id")) }), {
  roles: ["admin"],
});
