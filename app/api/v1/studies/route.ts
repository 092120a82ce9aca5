import { withAuth } from "@/lib/api/with-auth";
import { parseQuery } from "@/lib/api/parse-body";
import { readMultipartFiles } from "@/lib/api/read-multipart";
import { actorOf } from "@/lib/auth/principal";
import { seesPatientIdentity } from "@/lib/auth/phi-access";
import { env } from "@/lib/env";
import { listStudiesQuerySchema } from "@/lib/schemas/study";
import { ingestFiles, ingestHttpStatus } from "@/lib/studies/ingest-files";
import { listWorklist } from "@/lib/studies/list-worklist";

export const runtime = "nodejs";

// GET /api/v1/studies — the worklist: filters, sort, page, status counts.
export const GET = withAuth(
  async ({ req, principal }) => Response.json(await listWorklist(parseQuery(req, listStudiesQuerySchema), seesPatientIdentity(principal))),
  { tokenScope: "read" },
);

// POST /api/v1/studies — upload DICOM, PNG or JPEG files (multipart `files`); one result per file.
export const POST = withAuth(
  async ({ req, principal }) => {
    const files = await readMultipartFiles(req, "files", { maxFiles: 500, maxTotalBytes: env.MAX_UPLOAD_MB * 1e6 * 5 });
    const results = await ingestFiles(actorOf(principal), files);
    return Response.json({ results }, { status: ingestHttpStatus(results) });
  },
  { roles: ["radiologist", "admin"], tokenScope: "studies:write" },
);
