import { withAuth } from "@/lib/api/with-auth";
import { parseQuery } from "@/lib/api/parse-body";
import { enforceRateLimit } from "@/lib/api/rate-limit";
import { readMultipartFiles } from "@/lib/api/read-multipart";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { predictUpload } from "@/lib/predictions/predict-upload";
import { MAX_BATCH_FILES, predictQuerySchema } from "@/lib/schemas/predict";

export const runtime = "nodejs";

// POST /api/v1/predict/batch (also /predict/batch) — multipart `files` → one result per file, in order, errors per file.
export const POST = withAuth(
  async ({ req, principal }) => {
    await enforceRateLimit(principal);
    const { stage } = parseQuery(req, predictQuerySchema);
    const files = await readMultipartFiles(req, "files", { maxFiles: MAX_BATCH_FILES, maxTotalBytes: env.MAX_UPLOAD_MB * 1e6 });
    const results = await Promise.all(
      files.map(async (f) => {
        try {
          return { file: f.name, ok: true, result: await predictUpload(f.bytes, { stage }) };
        } catch (e) {
          if (!isAppError(e)) throw e;
          return { file: f.name, ok: false, error: { code: e.code, message: e.message } };
        }
      }),
    );
    return Response.json({ results });
  },
  { tokenScope: "predict", metric: "/api/v1/predict/batch" },
);
