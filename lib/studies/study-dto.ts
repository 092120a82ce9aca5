import type { Instance, Study } from "@/generated/prisma/client";
import type { InstanceDto, StudyStatus, WorklistItem } from "@/lib/schemas/study";
import { studyDisplayName } from "@/lib/studies/display-name";

type StudyWithCounts = Study & { series?: { _count: { instances: number } }[] };

/** `identity: false` leaves the patient identifiers out (annotators, non-admin tokens). */
export function toWorklistItem(s: StudyWithCounts, identity: boolean): WorklistItem {
  const studyDate = s.studyDate?.toISOString().slice(0, 10) ?? null;
  return {
    id: s.id,
    pseudonym: s.pseudonym,
    displayName: studyDisplayName({ ...s, studyDate }, identity),
    accessionNumber: identity ? s.accessionNumber : null,
    patientId: identity ? s.patientId : null,
    patientName: identity ? s.patientName : null,
    studyDate,
    receivedAt: s.receivedAt.toISOString(),
    modality: s.modality,
    description: s.description,
    status: s.status as StudyStatus,
    aiPriority: s.aiPriority,
    instanceCount: (s.series ?? []).reduce((n, x) => n + x._count.instances, 0),
  };
}

export function toInstanceDto(i: Instance): InstanceDto {
  return {
    id: i.id,
    rows: i.rows,
    columns: i.columns,
    photometric: i.photometric,
    bitsStored: i.bitsStored,
    windowCenter: i.windowCenter,
    windowWidth: i.windowWidth,
    frames: i.frames,
    tags: i.tags as InstanceDto["tags"],
    fileUrl: `/api/v1/instances/${i.id}/file`,
  };
}
