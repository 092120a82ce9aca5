import { withAuth } from "@/lib/api/with-auth";
import { paramOf, parseJsonBody } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { listStudyPushesOrThrow } from "@/lib/pacs/push/list-pushes";
import { requestResultPush } from "@/lib/pacs/push/request-push";
import { requestPacsPushBodySchema } from "@/lib/schemas/pacs-push";

export const runtime = "nodejs";

// GET /api/v1/studies/:studyId/pacs-pushes — where the signed-off results went: per destination queued / sent / failed.
export const GET = withAuth(async ({ params }) => Response.json({ pushes: await listStudyPushesOrThrow(paramOf(params, "studyId")) }), {
  roles: ["radiologist", "admin"],
  tokenScope: "read",
});

// POST /api/v1/studies/:studyId/pacs-pushes — send the SR and GSPS (again) to every destination, or `connectionId`'s.
export const POST = withAuth(
  async ({ req, principal, params }) => {
    const text = await req.clone().text();
    const body = text.trim() ? await parseJsonBody(req, requestPacsPushBodySchema) : {};
    return Response.json({ pushes: await requestResultPush(actorOf(principal), paramOf(params, "studyId"), body) }, { status: 202 });
  },
  { roles: ["radiologist", "admin"] },
);
