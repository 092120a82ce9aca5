import { db } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import type { IngestResult } from "@/lib/schemas/study";
import type { PreparedInstance } from "@/lib/studies/prepare-instance";

export type ExistingInstance = { studyId: string; instanceId: string; seriesInstanceUid: string; sha256: string };

export async function findInstance(sopInstanceUid: string): Promise<ExistingInstance | null> {
  const i = await db.instance.findUnique({
    where: { sopInstanceUid },
    select: { id: true, sha256: true, series: { select: { studyId: true, seriesInstanceUid: true } } },
  });
  return i ? { studyId: i.series.studyId, instanceId: i.id, seriesInstanceUid: i.series.seriesInstanceUid, sha256: i.sha256 } : null;
}

// The same SOP Instance UID again: the same bytes are a duplicate (nothing to do); different bytes are a conflict,
// refused and audited, never a silent drop: two objects claiming one identity need a person to decide. PNG/JPEG UIDs
// are derived from the file's own hash, so for them the same UID always means the same file.
export async function resultForExisting(
  actor: Actor,
  fileName: string,
  p: PreparedInstance,
  existing: ExistingInstance,
): Promise<IngestResult> {
  const ids = { studyId: existing.studyId, instanceId: existing.instanceId };
  if (p.source !== "dicom" || existing.sha256 === p.sha256) return { fileName, status: "duplicate", ...ids };
  await recordAudit(db, {
    actor,
    action: "study.instance_conflict",
    targetType: "study",
    targetId: existing.studyId,
    details: { instanceId: existing.instanceId, storedSha256: existing.sha256, receivedSha256: p.sha256 },
  });
  const message =
    `SOP Instance UID ${p.meta.sopInstanceUid} is already stored with different content (study ${existing.studyId}, ` +
    `series ${existing.seriesInstanceUid}, instance ${existing.instanceId}, sha256 ${existing.sha256.slice(0, 12)}…); ` +
    `this file (sha256 ${p.sha256.slice(0, 12)}…) was not stored.`;
  return {
    fileName,
    status: "rejected",
    ...ids,
    error: {
      code: "conflict",
      message,
      details: {
        stored: { ...ids, seriesInstanceUid: existing.seriesInstanceUid, sha256: existing.sha256 },
        received: { fileName, sha256: p.sha256 },
      },
    },
  };
}
