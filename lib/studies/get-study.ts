import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getStorage } from "@/lib/storage/get-storage";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import type { StudyDetail } from "@/lib/schemas/study";
import { toInstanceDto, toWorklistItem } from "@/lib/studies/study-dto";
import { blankPatientIdentity } from "@/lib/dicom/blank-patient-identity";
import { listStudyPushes } from "@/lib/pacs/push/list-pushes";

// Opening a study is audited: the trail says who saw which study, when.
export async function getStudyOrThrow(actor: Actor, studyId: string, identity: boolean): Promise<StudyDetail> {
  const s = await db.study.findUnique({
    where: { id: studyId },
    include: { series: { include: { instances: { orderBy: { createdAt: "asc" } } } } },
  });
  if (!s) throw new AppError("not_found", "No such study.");
  await recordAudit(db, { actor, action: "study.viewed", targetType: "study", targetId: s.id });
  const { id, pseudonym, displayName, accessionNumber, patientId, patientName, studyDate, modality, description, status } = toWorklistItem(
    { ...s, series: [] },
    identity,
  );
  return {
    study: { id, pseudonym, displayName, accessionNumber, patientId, patientName, studyDate, modality, description, status },
    instances: s.series.flatMap((x) => x.instances.map(toInstanceDto)),
    pacsPushes: await listStudyPushes(s.id),
  };
}

/** The stored DICOM; without `identity` the patient module and accession are blanked (pixels untouched). */
export async function readInstanceFileOrThrow(instanceId: string, identity: boolean): Promise<Uint8Array> {
  const i = await db.instance.findUnique({ where: { id: instanceId }, select: { storageKey: true } });
  if (!i) throw new AppError("not_found", "No such instance.");
  const bytes = await (await getStorage()).get(i.storageKey);
  return identity ? bytes : blankPatientIdentity(bytes);
}
