import { withAuth } from "@/lib/api/with-auth";
import { parseJsonBody, parseQuery } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { createTrainingRunBodySchema, listTrainingRunsQuerySchema } from "@/lib/schemas/training";
import { createTrainingRun, listTrainingRuns } from "@/lib/training/manage-training-runs";
import { trainingWorkerStatus } from "@/lib/training/worker-install";

export const runtime = "nodejs";

// GET /api/v1/training-runs — retraining runs with progress and resulting model, and whether the worker is installed (admin).
export const GET = withAuth(
  async ({ req }) => {
    const { installed, reason } = trainingWorkerStatus();
    return Response.json({
      runs: await listTrainingRuns(parseQuery(req, listTrainingRunsQuerySchema).limit),
      worker: { installed, reason },
    });
  },
  { roles: ["admin"] },
);

// POST /api/v1/training-runs — retrain on a finished YOLO export (admin); 503 when the training worker is not installed.
export const POST = withAuth(
  async ({ req, principal }) => {
    const body = await parseJsonBody(req, createTrainingRunBodySchema);
    return Response.json({ run: await createTrainingRun(actorOf(principal), body) }, { status: 201 });
  },
  { roles: ["admin"] },
);
