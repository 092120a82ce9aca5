import { withAuth } from "@/lib/api/with-auth";
import { paramOf } from "@/lib/api/parse-body";
import { modelFileInfoOrThrow, readModelBytes } from "@/lib/models/read-model-file";

export const runtime = "nodejs";

// GET /api/v1/models/:id/file — a version's ONNX bytes (any signed-in user), for running the same model in the
// browser. A version's bytes never change, so the ETag is their sha256 and the browser may keep them.
export const GET = withAuth(async ({ req, params }) => {
  const info = await modelFileInfoOrThrow(paramOf(params, "id"));
  const etag = `"${info.sha256}"`;
  const headers = {
    etag,
    "cache-control": "private, max-age=31536000, immutable",
    "x-model-name": encodeURIComponent(info.name),
    "x-model-version": encodeURIComponent(info.version),
    "x-model-thresholds": encodeURIComponent(JSON.stringify(info.thresholds)),
  };
  if (req.headers.get("if-none-match")?.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) {
    return new Response(null, { status: 304, headers });
  }
  const bytes = await readModelBytes(info);
  return new Response(Buffer.from(bytes), {
    headers: { ...headers, "content-type": "application/octet-stream", "content-length": String(bytes.length) },
  });
});
