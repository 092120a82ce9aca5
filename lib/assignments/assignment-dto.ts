import type { AssignmentDto, AssignmentKind, AssignmentReason, AssignmentStatus } from "@/lib/schemas/assignment";
import { studyDisplayName } from "@/lib/studies/display-name";

// Prisma include + mapper: the study's pseudonym and display name leave, never the identifiers themselves; the name is
// the pseudonym unless the caller may see patient identifiers (`identity`), as on the worklist.
export const assignmentInclude = {
  study: {
    select: {
      pseudonym: true,
      modality: true,
      status: true,
      aiPriority: true,
      accessionNumber: true,
      patientId: true,
      studyDate: true,
      description: true,
    },
  },
  assignee: { select: { id: true, email: true, name: true, role: true } },
} as const;

type Row = {
  id: string;
  studyId: string;
  kind: string;
  reason: string;
  status: string;
  createdAt: Date;
  completedAt: Date | null;
  study: {
    pseudonym: string;
    modality: string;
    status: string;
    aiPriority: number | null;
    accessionNumber: string | null;
    patientId: string | null;
    studyDate: Date | null;
    description: string | null;
  };
  assignee: { id: string; email: string; name: string; role: string };
};

export function toAssignmentDto(a: Row, identity = false): AssignmentDto {
  const { pseudonym, modality, status, aiPriority } = a.study;
  const displayName = studyDisplayName({ ...a.study, studyDate: a.study.studyDate?.toISOString().slice(0, 10) ?? null }, identity);
  return {
    id: a.id,
    studyId: a.studyId,
    study: { pseudonym, displayName, modality, status, aiPriority },
    assignee: a.assignee,
    kind: a.kind as AssignmentKind,
    reason: a.reason as AssignmentReason,
    status: a.status as AssignmentStatus,
    createdAt: a.createdAt.toISOString(),
    completedAt: a.completedAt?.toISOString() ?? null,
  };
}
