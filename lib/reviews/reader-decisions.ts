import { boxOfRow } from "@/lib/boxes/convert";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Impression, ReaderDecisionDto, ReaderDecisionsDto, ReviewPurpose } from "@/lib/schemas/review";
import type { Reader } from "@/lib/reviews/review-purpose";

type LabelRow = {
  id: string;
  originFindingId: string | null;
  instanceId: string | null;
  frame: number;
  source: string;
  rejected: boolean;
  rejectReason: string | null;
  className: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  originFinding: { className: string; prediction: { instanceId: string } } | null;
};

export function decisionOf(l: Pick<LabelRow, "rejected" | "source">): ReaderDecisionDto["decision"] {
  if (l.rejected) return "rejected";
  return l.source === "reader_added" ? "added" : l.source === "ai_edited" ? "edited" : "accepted";
}

// The signed-off primary and double reads of a study with every box's decision: the reference layer an annotator
// corrects against. Admins see any study's; an annotator only a study they have an annotation task on (else not_found).
export async function loadReaderDecisionsOrThrow(caller: Reader, studyId: string): Promise<ReaderDecisionsDto> {
  if (caller.role === "annotator") {
    const task = await db.assignment.findFirst({ where: { studyId, assigneeId: caller.id, kind: "annotate" }, select: { id: true } });
    if (!task) throw new AppError("not_found", "No such study among your tasks.");
  } else if (caller.role !== "admin") {
    throw new AppError("forbidden", "The readers' decisions are shown to annotation tasks and admins.");
  } else if (!(await db.study.findUnique({ where: { id: studyId }, select: { id: true } }))) {
    throw new AppError("not_found", "No such study.");
  }
  const reviews = await db.review.findMany({
    where: { studyId, status: "signed_off", purpose: { in: ["primary", "double_read"] } },
    orderBy: [{ signedOffAt: "asc" }, { id: "asc" }],
    include: {
      reader: { select: { id: true, name: true } },
      labels: {
        where: { deleted: false },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: { originFinding: { select: { className: true, prediction: { select: { instanceId: true } } } } },
      },
    },
  });
  return {
    studyId,
    reads: reviews.map((r) => ({
      reviewId: r.id,
      purpose: r.purpose as ReviewPurpose,
      reader: r.reader,
      impression: r.impression as Impression | null,
      signedOffAt: r.signedOffAt?.toISOString() ?? null,
      decisions: r.labels.map((l: LabelRow) => ({
        labelId: l.id,
        originFindingId: l.originFindingId,
        instanceId: l.instanceId ?? l.originFinding?.prediction.instanceId ?? null,
        frame: l.frame,
        decision: decisionOf(l),
        className: l.className,
        box: boxOfRow(l),
        aiClassName: l.originFinding?.className ?? null,
        reason: l.rejectReason,
      })),
    })),
  };
}
