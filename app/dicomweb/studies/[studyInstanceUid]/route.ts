import { withAuth } from "@/lib/api/with-auth";
import { actorOf } from "@/lib/auth/principal";
import { stowRequest } from "@/lib/pacs/stow/stow-route";

export const runtime = "nodejs";

// POST /dicomweb/studies/{StudyInstanceUID} — STOW-RS into one study: instances of another study fail (0xA900).
export const POST = withAuth(async ({ req, principal, params }) => stowRequest(actorOf(principal), req, String(params.studyInstanceUid)), {
  roles: ["radiologist", "admin"],
  tokenScope: "studies:write",
  metric: "/dicomweb/studies/{uid}",
});
