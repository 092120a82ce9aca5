import { withAuth } from "@/lib/api/with-auth";
import { paramOf, parseQuery } from "@/lib/api/parse-body";
import { actorOf } from "@/lib/auth/principal";
import { downloadTritonRepo } from "@/lib/models/download-triton-repo";
import { tritonRepoOptionsSchema } from "@/lib/schemas/triton-repo";

export const runtime = "nodejs";

// GET /api/v1/models/:id/triton-repo — one version as a Triton model repository zip (admin): config.pbtxt for the
// onnxruntime backend + 1/model.onnx, named as INFERENCE_KSERVE_MODEL expects. Query: kind, instances, maxBatch, …
export const GET = withAuth(
  async ({ req, principal, params }) => {
    const options = parseQuery(req, tritonRepoOptionsSchema);
    const { zip, fileName } = await downloadTritonRepo(actorOf(principal), paramOf(params, "id"), options);
    return new Response(Buffer.from(zip), {
      headers: { "content-type": "application/zip", "content-disposition": `attachment; filename="${fileName}"`, "content-length": String(zip.length) },
    });
  },
  { roles: ["admin"] },
);
