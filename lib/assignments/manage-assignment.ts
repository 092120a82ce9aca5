import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import type { AssignmentDto, ListAssignmentsQuery } from "@/lib/schemas/assignment";
import type { Role } from "@/lib/schemas/common";
import { assignmentInclude, toAssignmentDto } from "@/lib/assignments/assignment-dto";

type Caller = Actor & { id: string; role: Role };

// ?mine=1: the caller's tasks (open unless a status is asked for). Otherwise every task: admins only.
// identity: the caller may see patient identifiers (lib/auth/phi-access): the tasks then carry the worklist's study names.
export async function listAssignments(caller: Caller, q: ListAssignmentsQuery, identity = false): Promise<AssignmentDto[]> {
  if (!q.mine && caller.role !== "admin") throw new AppError("forbidden", "Only admins list everyone's tasks; use ?mine=1 for yours.");
  const rows = await db.assignment.findMany({
    where: {
      ...(q.mine ? { assigneeId: caller.id, status: q.status ?? "open" } : { status: q.status }),
      kind: q.kind,
      studyId: q.studyId,
    },
    include: assignmentInclude,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: q.limit,
  });
  return rows.map((r) => toAssignmentDto(r, identity));
}

export async function getAssignmentOrThrow(caller: Caller, id: string): Promise<AssignmentDto> {
  const row = await db.assignment.findUnique({ where: { id }, include: assignmentInclude });
  if (!row || (row.assigneeId !== caller.id && caller.role !== "admin")) throw new AppError("not_found", "No such task.");
  return toAssignmentDto(row);
}

// Cancels an open task (admin). Done tasks stay: they are the history of who labelled what.
export async function cancelAssignment(actor: Actor, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.assignment.findUnique({ where: { id } });
    if (!row) throw new AppError("not_found", "No such task.");
    if (row.status !== "open") throw new AppError("conflict", "This task is done; done tasks are kept.");
    await tx.assignment.delete({ where: { id } });
    await recordAudit(tx, {
      actor,
      action: "assignment.cancelled",
      targetType: "assignment",
      targetId: id,
      details: { studyId: row.studyId, assigneeId: row.assigneeId, kind: row.kind },
    });
  });
}
