import { withAuth } from "@/lib/api/with-auth";
import { paramOf } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { exportStudySr } from "@/lib/sr/export-study-sr";

export const runtime = "nodejs";

// GET /api/v1/studies/:studyId/sr — the signed-off findings as a DICOM SR (TID 1500) for the PACS; 409 until signed off.
export const GET = withAuth(
  async ({ principal, params }) => {
    const sr = await exportStudySr(actorOf(principal), paramOf(params, "studyId"));
    return new Response(Buffer.from(sr.bytes), {
      headers: {
        "content-type": "application/dicom",
        "content-disposition": `attachment; filename="${sr.filename}"`,
        "content-length": String(sr.bytes.length),
        "cache-control": "private, no-store",
      },
    });
  },
  { roles: ["radiologist", "admin"] },
);
