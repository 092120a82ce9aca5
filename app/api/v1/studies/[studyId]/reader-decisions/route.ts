import { withAuth } from "@/lib/api/with-auth";
import { paramOf } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { loadReaderDecisionsOrThrow } from "@/lib/reviews/reader-decisions";

// GET /api/v1/studies/:studyId/reader-decisions — the signed-off reads' boxes with each decision (annotation task or admin).
export const GET = withAuth(async ({ principal, params }) =>
  Response.json(await loadReaderDecisionsOrThrow(actorOf(principal), paramOf(params, "studyId"))),
);
