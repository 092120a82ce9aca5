import type { AssignmentDto, AssignmentKind, AssignmentReason, AssignmentStatus } from "@/lib/schemas/assignment";

// Prisma include + mapper: only the study's pseudonym leaves, never patient identifiers.
export const assignmentInclude = {
  study: { select: { pseudonym: true, modality: true, status: true, aiPriority: true } },
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
  study: { pseudonym: string; modality: string; status: string; aiPriority: number | null };
  assignee: { id: string; email: string; name: string; role: string };
};

export function toAssignmentDto(a: Row): AssignmentDto {
  return {
    id: a.id,
    studyId: a.studyId,
    study: a.study,
    assignee: a.assignee,
    kind: a.kind as AssignmentKind,
    reason: a.reason as AssignmentReason,
    status: a.status as AssignmentStatus,
    createdAt: a.createdAt.toISOString(),
    completedAt: a.completedAt?.toISOString() ?? null,
  };
}
