import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { jsonError } from "@/lib/api/errors";
import type { Actor } from "@/lib/audit/record-audit";
import { storeStow } from "@/lib/pacs/stow/store-stow";

const UID = /^[0-9]+(\.[0-9]+)*$/;

// The shared body of both STOW-RS routes: checks Accept and the addressed UID, stores, answers application/dicom+json.
export async function stowRequest(actor: Actor, req: Request, studyInstanceUid?: string): Promise<Response> {
  const accept = req.headers.get("accept") ?? "*/*";
  if (!/application\/dicom\+json|application\/json|\*\/\*|application\/\*/i.test(accept))
    return jsonError(406, "not_acceptable", "Responses are application/dicom+json only (send Accept: application/dicom+json).");
  if (studyInstanceUid !== undefined && (studyInstanceUid.length > 64 || !UID.test(studyInstanceUid)))
    throw new AppError("bad_request", "The Study Instance UID in the path is not a valid UID.");
  const origin = env.NEXTAUTH_URL?.replace(/\/$/, "") ?? new URL(req.url).origin;
  const { status, body } = await storeStow(actor, req, { studyInstanceUid, origin });
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/dicom+json" } });
}
