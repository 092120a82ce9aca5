import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { getStorage } from "@/lib/storage/get-storage";
import { instanceTags, parseDicomDate } from "@/lib/studies/instance-tags";
import { prepareInstance, type PreparedInstance } from "@/lib/studies/prepare-instance";
import { findInstance, resultForExisting } from "@/lib/studies/existing-instance";
import { enqueuePredictStudy } from "@/lib/predictions/predict-study-job";
import type { IngestResult } from "@/lib/schemas/study";

const newPseudonym = () => "S-" + randomBytes(6).toString("hex").toUpperCase();
const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === "P2002";

// One file in, one result out: stored, duplicate (same SOP Instance UID, same bytes) or rejected with a reason (a
// conflict when the UID is stored with other bytes). Never half-stored: the rows are one transaction, written after
// the file; a kill between the two leaves only a content-addressed file that the re-sent upload reuses.
export async function ingestFile(actor: Actor, fileName: string, bytes: Uint8Array): Promise<IngestResult> {
  let prepared: PreparedInstance;
  try {
    prepared = await prepareInstance(bytes, { maxBytes: env.MAX_UPLOAD_MB * 1e6, maxPixels: env.MAX_IMAGE_PIXELS });
  } catch (e) {
    if (isAppError(e)) return { fileName, status: "rejected", error: { code: e.code, message: e.message } };
    log.warn("upload could not be decoded", { error: e instanceof Error ? e.message : String(e) });
    return { fileName, status: "rejected", error: { code: "unprocessable", message: "The file could not be read as an image." } };
  }
  const existing = await findInstance(prepared.meta.sopInstanceUid);
  if (existing) return resultForExisting(actor, fileName, prepared, existing);

  const storage = await getStorage();
  const storageKey = `instances/${prepared.sha256.slice(0, 2)}/${prepared.sha256}.dcm`;
  await storage.put(storageKey, prepared.bytes, "application/dicom");
  for (let attempt = 1; ; attempt++) {
    try {
      const ids = await writeRows(actor, prepared, storageKey);
      return { fileName, status: "stored", ...ids };
    } catch (e) {
      if (isUniqueViolation(e)) {
        // A concurrent upload of the same instance won the race: ours is a duplicate (the file is theirs too) or a conflict.
        const winner = await findInstance(prepared.meta.sopInstanceUid);
        if (winner?.sha256 === prepared.sha256) return resultForExisting(actor, fileName, prepared, winner);
        if (winner) {
          await storage.delete(storageKey); // ours alone: content-addressed, and no row points at it
          return resultForExisting(actor, fileName, prepared, winner);
        }
        // Another instance of the same study (or series) created its row first (concurrent C-STOREs, STOW parts or
        // uploads of one study): again, and the upsert finds that row — one study, never a failed instance.
        if (attempt < 3) continue;
      }
      await storage.delete(storageKey);
      throw e;
    }
  }
}

async function writeRows(actor: Actor, p: PreparedInstance, storageKey: string) {
  const m = p.meta;
  return db.$transaction(async (tx) => {
    const study = await tx.study.upsert({
      where: { studyInstanceUid: m.studyInstanceUid },
      update: {},
      create: {
        studyInstanceUid: m.studyInstanceUid,
        pseudonym: newPseudonym(),
        accessionNumber: m.accessionNumber || null,
        patientId: m.patientId || null,
        patientName: m.patientName || null,
        patientBirthDate: m.patientBirthDate || null,
        patientSex: m.patientSex || null,
        studyDate: parseDicomDate(m.studyDate),
        description: m.studyDescription || null,
        modality: m.modality || "OT",
      },
    });
    const series = await tx.series.upsert({
      where: { seriesInstanceUid: m.seriesInstanceUid },
      update: {},
      create: {
        studyId: study.id,
        seriesInstanceUid: m.seriesInstanceUid,
        modality: m.modality || "OT",
        bodyPart: m.bodyPart ?? null,
        viewPosition: m.viewPosition ?? null,
      },
    });
    const spacing = m.pixelSpacing ?? m.imagerPixelSpacing;
    const instance = await tx.instance.create({
      data: {
        seriesId: series.id,
        sopInstanceUid: m.sopInstanceUid,
        sopClassUid: m.sopClassUid,
        source: p.source,
        transferSyntaxUid: m.transferSyntaxUid,
        storageKey,
        sha256: p.sha256,
        sizeBytes: p.bytes.length,
        rows: m.rows,
        columns: m.columns,
        bitsAllocated: m.bitsAllocated,
        bitsStored: m.bitsStored,
        photometric: m.photometricInterpretation,
        pixelSpacingRow: spacing?.[0] ?? null,
        pixelSpacingCol: spacing?.[1] ?? null,
        manufacturer: m.manufacturer ?? null,
        windowCenter: m.windowCenter[0] ?? null,
        windowWidth: m.windowWidth[0] ?? null,
        frames: m.numberOfFrames,
        tags: instanceTags(m),
      },
    });
    await enqueuePredictStudy(study.id, tx); // same transaction: no study without its prediction job
    await recordAudit(tx, {
      actor,
      action: "study.instance_ingested",
      targetType: "study",
      targetId: study.id,
      details: { instanceId: instance.id, source: p.source, bytes: p.bytes.length },
    });
    return { studyId: study.id, instanceId: instance.id };
  });
}
