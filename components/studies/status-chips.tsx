import { STUDY_STATUSES, type StudyStatus } from "@/lib/schemas/study";

export const STATUS_LABEL: Record<StudyStatus, string> = {
  new: "New",
  prediction_failed: "AI failed",
  predicted: "AI done",
  in_review: "In review",
  signed_off: "Signed off",
};
const COLOUR: Record<StudyStatus, string> = {
  new: "bg-slate-700",
  prediction_failed: "bg-red-800",
  predicted: "bg-sky-800",
  in_review: "bg-amber-800",
  signed_off: "bg-emerald-800",
};

export function StatusBadge({ status }: { status: StudyStatus }) {
  return (
    <span className={`rounded px-2 py-0.5 text-xs ${COLOUR[status]}`} data-testid={`status-${status}`}>
      {STATUS_LABEL[status]}
    </span>
  );
}

export function StatusChips(props: { counts?: Record<StudyStatus, number>; active: string; onSelect: (s: string) => void }) {
  const chip = (key: string, label: string, count?: number) => (
    <button
      key={key}
      onClick={() => props.onSelect(key)}
      data-testid={`status-chip-${key || "all"}`}
      className={`rounded-full border px-3 py-1 text-sm ${props.active === key ? "border-sky-400 bg-sky-900/50" : "border-slate-700 hover:border-slate-500"}`}
    >
      {label}
      {count !== undefined && <span className="ml-2 text-slate-400">{count}</span>}
    </button>
  );
  const total = props.counts ? Object.values(props.counts).reduce((a, b) => a + b, 0) : undefined;
  return (
    <div className="flex flex-wrap gap-2">
      {chip("", "All", total)}
      {STUDY_STATUSES.map((s) => chip(s, STATUS_LABEL[s], props.counts?.[s]))}
    </div>
  );
}
