import { withAuth } from "@/lib/api/with-auth";
import { paramOf } from "@/lib/api/parse-body";
import { seesPatientIdentity } from "@/lib/auth/phi-access";
import { readInstanceFileOrThrow } from "@/lib/studies/get-study";

export const runtime = "nodejs";

// GET /api/v1/instances/:instanceId/file — the stored DICOM Part 10 bytes for the viewer; annotators get them with the
// patient module blanked. Patient data: never cached (no-store, set for every API response by proxy.ts).
export const GET = withAuth(async ({ params, principal }) => {
  const bytes = await readInstanceFileOrThrow(paramOf(params, "instanceId"), seesPatientIdentity(principal));
  return new Response(Buffer.from(bytes), {
    headers: { "content-type": "application/dicom", "cache-control": "no-store", "content-length": String(bytes.length) },
  });
});
