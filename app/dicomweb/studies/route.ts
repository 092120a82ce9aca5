import { withAuth } from "@/lib/api/with-auth";
import { actorOf } from "@/lib/auth/principal";
import { stowRequest } from "@/lib/pacs/stow/stow-route";

export const runtime = "nodejs";

// POST /dicomweb/studies — STOW-RS: store DICOM instances (multipart/related; type="application/dicom").
export const POST = withAuth(async ({ req, principal }) => stowRequest(actorOf(principal), req), {
  roles: ["radiologist", "admin"],
  tokenScope: "studies:write",
  metric: "/dicomweb/studies",
});
