import { withAuth } from "@/lib/api/with-auth";
import { paramOf } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { amendPrimaryRead } from "@/lib/reviews/amend-review";

// POST /api/v1/studies/:studyId/review/amend — amend the study's signed-off primary read: a new primary read starting
// from its labels (201; 200 with the caller's open amendment). 409 when nothing is signed off yet.
export const POST = withAuth(
  async ({ principal, params }) => {
    const { review, created } = await amendPrimaryRead(actorOf(principal), paramOf(params, "studyId"));
    return Response.json({ review }, { status: created ? 201 : 200 });
  },
  { roles: ["radiologist", "admin"] },
);
