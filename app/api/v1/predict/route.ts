import { withAuth } from "@/lib/api/with-auth";
import { parseQuery } from "@/lib/api/parse-body";
import { enforceRateLimit } from "@/lib/api/rate-limit";
import { readMultipartFiles } from "@/lib/api/read-multipart";
import { env } from "@/lib/env";
import { predictUpload, type PredictTimings } from "@/lib/predictions/predict-upload";
import { predictQuerySchema } from "@/lib/schemas/predict";

export const runtime = "nodejs";

// POST /api/v1/predict (also /predict) — multipart `file` (DICOM, PNG or JPEG) → AI boxes, normalised and in pixels.
export const POST = withAuth(
  async ({ req, principal }) => {
    await enforceRateLimit(principal);
    const { stage } = parseQuery(req, predictQuerySchema);
    const t0 = performance.now();
    const [file] = await readMultipartFiles(req, "file", { maxFiles: 1, maxTotalBytes: env.MAX_UPLOAD_MB * 1e6 });
    const timings: PredictTimings = {};
    const t1 = performance.now();
    const body = await predictUpload(file!.bytes, { stage, timings });
    // Where the time went, for browsers' dev tools and the benchmark (no content, only durations).
    const serverTiming = Object.entries({ read: t1 - t0, ...timings })
      .map(([k, v]) => `${k};dur=${v.toFixed(1)}`)
      .join(", ");
    return Response.json(body, { headers: { "server-timing": serverTiming } });
  },
  { tokenScope: "predict", metric: "/api/v1/predict" },
);
