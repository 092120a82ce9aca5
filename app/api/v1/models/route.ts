import { withAuth } from "@/lib/api/with-auth";
import { readMultipartFiles } from "@/lib/api/read-multipart";
import { actorOf } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { toModelVersionDto } from "@/lib/models/list-models";
import { getRegistryView } from "@/lib/models/registry-view";
import { registerAndEvaluate } from "@/lib/models/register-and-evaluate";

export const runtime = "nodejs";

// GET /api/v1/models — versions with stage, latest evaluation and stage history; recent automatic rollbacks (admin).
export const GET = withAuth(async () => Response.json(await getRegistryView()), { roles: ["admin"] });

// POST /api/v1/models — register an Ultralytics ONNX (multipart `file`) with its model card (`card`, JSON) (admin);
// an evaluation job is queued at once.
export const POST = withAuth(
  async ({ req, principal }) => {
    const form = req.clone();
    const [file] = await readMultipartFiles(req, "file", { maxFiles: 1, maxTotalBytes: 1_000_000_000 });
    const cardText = (await form.formData()).get("card");
    if (typeof cardText !== "string" && !(cardText instanceof Blob)) throw new AppError("bad_request", "Send the model card as the 'card' field (JSON).");
    let card: unknown;
    try {
      card = JSON.parse(typeof cardText === "string" ? cardText : await cardText.text());
    } catch {
      throw new AppError("bad_request", "The model card is not valid JSON.");
    }
    const { version, evaluationId } = await registerAndEvaluate(actorOf(principal), file!.bytes, card); // evaluated in the background
    return Response.json({ model: toModelVersionDto(version), evaluationId }, { status: 201 });
  },
  { roles: ["admin"], tokenScope: "models:write" },
);
