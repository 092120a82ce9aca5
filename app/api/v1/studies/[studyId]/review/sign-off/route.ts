import { withAuth } from "@/lib/api/with-auth";
import { paramOf, parseJsonBody, parseQuery } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { reviewQuerySchema, signOffReviewBodySchema } from "@/lib/schemas/review";
import { signOffReview } from "@/lib/reviews/sign-off-review";

// POST /api/v1/studies/:studyId/review/sign-off?purpose= — lock the caller's review with an impression (radiologist, admin).
export const POST = withAuth(
  async ({ req, principal, params }) => {
    const { purpose } = parseQuery(req, reviewQuerySchema);
    const body = await parseJsonBody(req, signOffReviewBodySchema);
    return Response.json({ review: await signOffReview(actorOf(principal), paramOf(params, "studyId"), body, purpose) });
  },
  { roles: ["radiologist", "admin"] },
);
