import type { ReadBox } from "@/lib/agreement/match-boxes";
import { matchBoxes } from "@/lib/agreement/match-boxes";
import type { AssignmentReason } from "@/lib/schemas/assignment";

// Pure rules for automatic annotation tasks.

// One signed-off read of a study: its impression, its kept boxes, and how many AI boxes it rejected or boxes it added.
export type SignedRead = { impression: string | null; boxes: ReadBox[]; rejected: number; added: number };
export type StudyEvidence = { reads: SignedRead[]; minFindingConfidence: number | null };

// The first reason that applies, most telling first: readers disagree (impression, or a box without a partner at
// IoU ≥ 0.4), a reader rejected or added a box, the AI showed a finding below the confidence threshold.
export function annotationReason(e: StudyEvidence, lowConfidenceBelow: number): Exclude<AssignmentReason, "admin"> | null {
  const [a, b] = e.reads;
  if (a && b) {
    const m = matchBoxes(a.boxes, b.boxes);
    if (a.impression !== b.impression || m.onlyA.length > 0 || m.onlyB.length > 0) return "disagreement";
  }
  if (e.reads.some((r) => r.rejected > 0 || r.added > 0)) return "rejected_or_added";
  if (e.minFindingConfidence !== null && e.minFindingConfidence < lowConfidenceBelow) return "low_confidence";
  return null;
}

// Hands each study to the active annotator with the fewest open tasks (ties: the order given), counting as it goes.
export function spreadTasks(studyIds: string[], annotators: { id: string; open: number }[]): { studyId: string; assigneeId: string }[] {
  if (annotators.length === 0) return [];
  const load = annotators.map((a, order) => ({ ...a, order }));
  return studyIds.map((studyId) => {
    const next = load.reduce((best, a) => (a.open < best.open || (a.open === best.open && a.order < best.order) ? a : best));
    next.open++;
    return { studyId, assigneeId: next.id };
  });
}
