import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { parseDicom } from "@/lib/dicom/parse-dicom";
import { readMetadata } from "@/lib/dicom/read-metadata";
import { ingestFile } from "@/lib/studies/ingest-file";
import { readStowParts, type StowPart } from "@/lib/pacs/stow/read-stow-parts";
import { FAILURE, stowResponse, type StowItem } from "@/lib/pacs/stow/stow-response";

export type StowTarget = { studyInstanceUid?: string; origin: string };

const isPart10 = (b: Uint8Array) => b.length > 132 && b[128] === 0x44 && b[129] === 0x49 && b[130] === 0x43 && b[131] === 0x4d; // "DICM"

function identify(bytes: Uint8Array): { sopClassUid?: string; sopInstanceUid?: string; studyInstanceUid?: string } {
  try {
    const m = readMetadata(parseDicom(bytes, { metadataOnly: true }));
    return { sopClassUid: m.sopClassUid, sopInstanceUid: m.sopInstanceUid, studyInstanceUid: m.studyInstanceUid };
  } catch {
    return {};
  }
}

// One part: only a DICOM Part 10 file of the addressed study goes on to the shared ingest (validation, full decode,
// duplicates, the predict job); anything else is a failed instance with its reason, never an error for the request.
async function storePart(actor: Actor, part: StowPart, target: StowTarget): Promise<StowItem> {
  const fail = (failureReason: number, message: string, ids: ReturnType<typeof identify> = {}): StowItem => ({
    kind: "failed",
    failureReason,
    message,
    ...ids,
  });
  if (part.mediaType !== "application/dicom")
    return fail(FAILURE.cannotUnderstand, `part ${part.index}: ${part.mediaType} is not application/dicom`);
  if (!isPart10(part.bytes)) return fail(FAILURE.cannotUnderstand, `part ${part.index}: not a DICOM Part 10 file`);
  const ids = identify(part.bytes);
  if (target.studyInstanceUid && ids.studyInstanceUid !== target.studyInstanceUid)
    return fail(FAILURE.doesNotMatch, `part ${part.index}: another study`, ids);
  try {
    const r = await ingestFile(actor, `stow-part-${part.index}.dcm`, part.bytes);
    if (r.status === "rejected")
      return fail(
        r.error?.code === "payload_too_large" ? FAILURE.outOfResources : FAILURE.cannotUnderstand,
        `part ${part.index}: ${r.error?.message}`,
        ids,
      );
    return {
      kind: r.status,
      sopClassUid: ids.sopClassUid ?? "",
      sopInstanceUid: ids.sopInstanceUid ?? "",
      retrieveUrl: `${target.origin}/api/v1/instances/${r.instanceId}/file`,
      studyRetrieveUrl: `${target.origin}/api/v1/studies/${r.studyId}`,
    };
  } catch (e) {
    log.error("stow: instance not stored", { part: part.index, error: e instanceof Error ? e.message : String(e) });
    return fail(FAILURE.outOfResources, `part ${part.index}: storage unavailable`, ids);
  }
}

// POST /dicomweb/studies[/{uid}]: parts are stored one by one as they stream in; each stored instance is durable
// before the next part is read. One audit event per request (who, how many, which studies, why parts failed).
export async function storeStow(actor: Actor, req: Request, target: StowTarget) {
  const items: StowItem[] = [];
  const limits = { maxPartBytes: env.MAX_UPLOAD_MB * 1e6, maxTotalBytes: env.MAX_UPLOAD_MB * 1e6 * 5, maxParts: 1000 };
  try {
    for await (const part of readStowParts(req, limits)) items.push(await storePart(actor, part, target));
  } finally {
    if (items.length) await audit(actor, items, target);
  }
  if (items.length === 0) throw new AppError("bad_request", "The multipart body has no parts.");
  return stowResponse(items);
}

function audit(actor: Actor, items: StowItem[], target: StowTarget) {
  const count = (k: StowItem["kind"]) => items.filter((i) => i.kind === k).length;
  const studies = new Set(
    items.flatMap((i) => (i.kind === "failed" ? [] : [i.studyRetrieveUrl.slice(i.studyRetrieveUrl.lastIndexOf("/") + 1)])),
  );
  const failures = items
    .flatMap((i) => (i.kind === "failed" ? [{ reason: `0x${i.failureReason.toString(16).toUpperCase()}`, message: i.message }] : []))
    .slice(0, 20);
  return recordAudit(db, {
    actor,
    action: "dicomweb.stow",
    targetType: "study",
    targetId: studies.size === 1 ? [...studies][0] : undefined,
    details: {
      instances: items.length,
      stored: count("stored"),
      duplicates: count("duplicate"),
      failed: count("failed"),
      studyIds: [...studies],
      addressedStudy: Boolean(target.studyInstanceUid),
      failures,
    },
  });
}
