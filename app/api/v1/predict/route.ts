import { withAuth } from "@/lib/api/with-auth";
import { parseQuery } from "@/lib/api/parse-body";
import { enforceRateLimit } from "@/lib/api/rate-limit";
import { readMultipartFiles } from "@/lib/api/read-multipart";
import { env } from "@/lib/env";
import { predictUpload } from "@/lib/predictions/predict-upload";
import { predictQuerySchema } from "@/lib/schemas/predict";

export const runtime = "nodejs";

// POST /api/v1/predict (also /predict) — multipart `file` (DICOM, PNG or JPEG) → AI boxes, normalised and in pixels.
export const POST = withAuth(
  async ({ req, principal }) => {
    enforceRateLimit(principal);
    const { stage } = parseQuery(req, predictQuerySchema);
    const [file] = await readMultipartFiles(req, "file", { maxFiles: 1, maxTotalBytes: env.MAX_UPLOAD_MB * 1e6 });
    return Response.json(await predictUpload(file!.bytes, { stage }));
  },
  { tokenScope: "predict", metric: "/api/v1/predict" },
);
