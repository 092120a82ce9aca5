import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import type { AssignmentDto, AssignmentKind, CreateAssignmentsBody } from "@/lib/schemas/assignment";
import type { Role } from "@/lib/schemas/common";
import { assignmentInclude, toAssignmentDto } from "@/lib/assignments/assignment-dto";

// Who may take which kind of task: annotators annotate; radiologists (and admins) read.
export const ASSIGNEE_ROLES: Record<AssignmentKind, readonly Role[]> = { annotate: ["annotator"], double_read: ["radiologist", "admin"] };

// Admin hands studies to people. All or nothing: every study and assignee is checked before anything is written;
// a (study, assignee, kind) that already exists is skipped and reported, never duplicated.
export async function createAssignments(
  actor: Actor,
  body: CreateAssignmentsBody,
): Promise<{ created: AssignmentDto[]; skipped: { studyId: string; assigneeId: string }[] }> {
  return db.$transaction(async (tx) => {
    const users = await tx.user.findMany({
      where: { id: { in: body.assigneeIds } },
      select: { id: true, email: true, role: true, disabled: true },
    });
    for (const id of body.assigneeIds) {
      const u = users.find((x) => x.id === id);
      if (!u) throw new AppError("unprocessable", `No user ${id}.`);
      if (u.disabled) throw new AppError("unprocessable", `${u.email} is disabled.`);
      if (!ASSIGNEE_ROLES[body.kind].includes(u.role as Role))
        throw new AppError(
          "unprocessable",
          `${u.email} is a ${u.role}; ${body.kind} tasks go to: ${ASSIGNEE_ROLES[body.kind].join(", ")}.`,
        );
    }
    const studies = await tx.study.findMany({ where: { id: { in: body.studyIds } }, select: { id: true } });
    const missing = body.studyIds.filter((id) => !studies.some((s) => s.id === id));
    if (missing.length)
      throw new AppError("unprocessable", `Unknown studies: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? "…" : ""}.`, {
        missing,
      });
    const existing = await tx.assignment.findMany({
      where: { studyId: { in: body.studyIds }, assigneeId: { in: body.assigneeIds }, kind: body.kind },
      select: { studyId: true, assigneeId: true },
    });
    const taken = new Set(existing.map((e) => `${e.studyId}/${e.assigneeId}`));
    const created: AssignmentDto[] = [];
    const skipped: { studyId: string; assigneeId: string }[] = [];
    for (const studyId of body.studyIds)
      for (const assigneeId of body.assigneeIds) {
        if (taken.has(`${studyId}/${assigneeId}`)) {
          skipped.push({ studyId, assigneeId });
          continue;
        }
        const row = await tx.assignment.create({
          data: { studyId, assigneeId, kind: body.kind, reason: "admin", createdById: actor.id },
          include: assignmentInclude,
        });
        created.push(toAssignmentDto(row));
      }
    await recordAudit(tx, {
      actor,
      action: "assignment.created",
      targetType: "assignment",
      details: {
        kind: body.kind,
        assigneeIds: body.assigneeIds,
        studies: body.studyIds.length,
        created: created.length,
        skipped: skipped.length,
      },
    });
    return { created, skipped };
  });
}
