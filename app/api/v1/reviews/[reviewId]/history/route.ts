import { withAuth } from "@/lib/api/with-auth";
import { paramOf } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { getReviewHistoryOrThrow } from "@/lib/reviews/review-history";

// GET /api/v1/reviews/:reviewId/history — every label revision in order, with author e-mails (own reviews; admin: all).
export const GET = withAuth(async ({ principal, params }) =>
  Response.json(await getReviewHistoryOrThrow(actorOf(principal), paramOf(params, "reviewId"))),
);
