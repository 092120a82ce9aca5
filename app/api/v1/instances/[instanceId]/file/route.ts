import { withAuth } from "@/lib/api/with-auth";
import { paramOf } from "@/lib/api/parse-body";
import { readInstanceFileOrThrow } from "@/lib/studies/get-study";

export const runtime = "nodejs";

// GET /api/v1/instances/:instanceId/file — the stored DICOM Part 10 bytes, for the viewer.
export const GET = withAuth(async ({ params }) => {
  const bytes = await readInstanceFileOrThrow(paramOf(params, "instanceId"));
  return new Response(Buffer.from(bytes), {
    headers: { "content-type": "application/dicom", "cache-control": "private, max-age=3600", "content-length": String(bytes.length) },
  });
});
