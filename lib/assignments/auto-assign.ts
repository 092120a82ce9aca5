import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordAudit, SYSTEM_ACTOR, type Actor } from "@/lib/audit/record-audit";
import { loadReviewContext } from "@/lib/reviews/review-context";
import { loadSignedReads } from "@/lib/reviews/signed-reads";
import { annotationReason, spreadTasks } from "@/lib/assignments/auto-assign-rules";
import { isUniqueViolation } from "@/lib/reviews/review-lock";
import type { AssignmentReason } from "@/lib/schemas/assignment";

const PAGE = 100;

export type AutoAssignResult = {
  examined: number;
  created: number;
  byReason: Partial<Record<AssignmentReason, number>>;
  annotators: number;
};

// Signed-off studies that never had an annotation task get one when a rule applies (auto-assign-rules.ts), spread
// over active annotators, least open tasks first. Re-running is safe: a study with any annotate task is skipped,
// and the (study, assignee, kind) unique constraint stops a parallel run from doubling a task.
export async function autoAssign(
  o: { actor?: Actor; lowConfidenceBelow?: number; progress?: (f: number, m?: string) => Promise<void> } = {},
): Promise<AutoAssignResult> {
  const threshold = o.lowConfidenceBelow ?? env.ANNOTATION_LOW_CONFIDENCE;
  const annotators = await db.user.findMany({
    where: { role: "annotator", disabled: false },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, _count: { select: { assignments: { where: { status: "open" } } } } },
  });
  const result: AutoAssignResult = { examined: 0, created: 0, byReason: {}, annotators: annotators.length };
  if (annotators.length === 0) return result;
  const load = annotators.map((a) => ({ id: a.id, open: a._count.assignments }));

  const candidates = await db.study.findMany({
    where: {
      reviews: { some: { status: "signed_off", purpose: { in: ["primary", "double_read"] } } },
      assignments: { none: { kind: "annotate" } },
    },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  for (let start = 0; start < candidates.length; start += PAGE) {
    const ids = candidates.slice(start, start + PAGE).map((s) => s.id);
    const reads = await loadSignedReads(db, ids);
    const flagged: { studyId: string; reason: Exclude<AssignmentReason, "admin"> }[] = [];
    for (const studyId of ids) {
      const ctx = await loadReviewContext(db, studyId);
      const confidences = [...ctx.findings.values()].map((f) => f.confidence);
      const reason = annotationReason(
        { reads: reads.filter((r) => r.studyId === studyId), minFindingConfidence: confidences.length ? Math.min(...confidences) : null },
        threshold,
      );
      if (reason) flagged.push({ studyId, reason });
    }
    for (const { studyId, assigneeId } of spreadTasks(
      flagged.map((f) => f.studyId),
      load,
    )) {
      const reason = flagged.find((f) => f.studyId === studyId)!.reason;
      try {
        await db.assignment.create({ data: { studyId, assigneeId, kind: "annotate", reason } });
        result.created++;
        result.byReason[reason] = (result.byReason[reason] ?? 0) + 1;
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        load.find((a) => a.id === assigneeId)!.open--; // a parallel run made it; the count was not ours
      }
    }
    result.examined += ids.length;
    await o.progress?.(Math.min(1, (start + PAGE) / candidates.length), `${result.examined} of ${candidates.length} studies examined`);
  }
  await recordAudit(db, { actor: o.actor ?? SYSTEM_ACTOR, action: "assignment.auto", details: { threshold, ...result } });
  return result;
}
