import type { AssignmentKind, AssignmentReason } from "@/lib/schemas/assignment";

const REASON: Record<AssignmentReason, { text: string; cls: string }> = {
  admin: { text: "assigned by admin", cls: "bg-slate-700 text-slate-100" },
  disagreement: { text: "readers disagree", cls: "bg-rose-900 text-rose-100" },
  rejected_or_added: { text: "rejected or added boxes", cls: "bg-amber-900 text-amber-100" },
  low_confidence: { text: "low-confidence AI suggestion", cls: "bg-sky-900 text-sky-100" },
};

export function ReasonChip({ reason }: { reason: AssignmentReason }) {
  const r = REASON[reason];
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs ${r.cls}`} data-testid="reason-chip" data-reason={reason}>
      {r.text}
    </span>
  );
}

export const kindText = (k: AssignmentKind) => (k === "annotate" ? "Annotate" : "Double read");

// Where a task opens: the study viewer configured for it.
export function taskHref(t: { id: string; studyId: string; kind: AssignmentKind }): string {
  const q = new URLSearchParams({ task: t.id });
  if (t.kind === "double_read") q.set("purpose", "double_read");
  return `/studies/${encodeURIComponent(t.studyId)}?${q.toString()}`;
}
