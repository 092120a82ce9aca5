import { withAuth } from "@/lib/api/with-auth";
import { paramOf, parseJsonBody, parseQuery } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { reviewQuerySchema, saveReviewBodySchema } from "@/lib/schemas/review";
import { getStudyReview } from "@/lib/reviews/get-review";
import { saveReview } from "@/lib/reviews/save-review";
import { startReview } from "@/lib/reviews/start-review";

// GET /api/v1/studies/:studyId/review?purpose= — the caller's own review (null until started) with the visible AI findings.
export const GET = withAuth(async ({ req, principal, params }) => {
  const { purpose } = parseQuery(req, reviewQuerySchema);
  return Response.json(await getStudyReview(actorOf(principal), paramOf(params, "studyId"), purpose));
});

// POST /api/v1/studies/:studyId/review?purpose= — start the caller's review (idempotent: 201 when created, 200 when it existed).
export const POST = withAuth(async ({ req, principal, params }) => {
  const { purpose } = parseQuery(req, reviewQuerySchema);
  const { review, created } = await startReview(actorOf(principal), paramOf(params, "studyId"), purpose);
  return Response.json({ review }, { status: created ? 201 : 200 });
});

// PATCH /api/v1/studies/:studyId/review?purpose= — save a batch of verdicts at the version last seen (stale → 409).
export const PATCH = withAuth(async ({ req, principal, params }) => {
  const { purpose } = parseQuery(req, reviewQuerySchema);
  const body = await parseJsonBody(req, saveReviewBodySchema);
  return Response.json(await saveReview(actorOf(principal), paramOf(params, "studyId"), body, purpose));
});
