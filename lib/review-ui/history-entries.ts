import type { Box, LabelChange, LabelRevisionDto, ReviewDto } from "@/lib/schemas/review";
import { sameBox } from "./box-geometry";
import { aiKey, labelKey } from "./review-items";

// The review timeline: one entry per label revision (who, when, what changed on which box, from which model version)
// plus the review's own milestones (started, signed off / completed). Pure: the panel only renders these.

export type HistoryKind = LabelChange | "started" | "signed_off" | "completed";

export interface HistoryEntry {
  id: string;
  kind: HistoryKind;
  at: string; // ISO time
  who: string; // the author's e-mail
  itemKey: string | null; // the box (review-items key) it changed; null for the review's milestones
  className: string | null;
  summary: string; // what changed, in words
  modelVersion: string | null; // "name version" of the model whose suggestion the box started from
}

type Origin = { className: string; box: Box };

const VERB: Record<LabelChange, string> = {
  accept: "accepted",
  reject: "rejected",
  edit: "edited",
  add: "added",
  delete: "deleted",
  restore: "restored",
  consensus: "fused into the consensus",
  amend: "carried into the amendment",
};

const fmtBox = (b: readonly number[]) => `[${b.map((v) => Math.round(v)).join(", ")}]`;

// What an edit changed against the box's previous state (its previous revision, else the AI suggestion it came from).
function editDetail(rev: LabelRevisionDto, prev: Origin | undefined): string {
  if (!prev) return `${rev.className} at ${fmtBox(rev.box)}`;
  const parts: string[] = [];
  if (prev.className !== rev.className) parts.push(`class ${prev.className} → ${rev.className}`);
  if (!sameBox(prev.box, rev.box as Box)) parts.push(`box ${fmtBox(prev.box)} → ${fmtBox(rev.box)}`);
  return parts.length ? parts.join("; ") : "no visible change";
}

function summaryOf(rev: LabelRevisionDto, prev: Origin | undefined): string {
  switch (rev.change) {
    case "edit":
      return `edited ${editDetail(rev, prev)}`;
    case "reject":
      return `rejected ${rev.className}${rev.rejectReason ? ` — reason: ${rev.rejectReason}` : " (no reason given)"}`;
    case "add":
      return `added ${rev.className} at ${fmtBox(rev.box)}`;
    default:
      return `${VERB[rev.change]} ${rev.className}`;
  }
}

/** Timeline entries, newest first. `origins` maps a label id to the AI suggestion it started from (from the review's labels). */
export function historyEntries(
  revisions: LabelRevisionDto[],
  review: Pick<ReviewDto, "id" | "reader" | "startedAt" | "signedOffAt" | "status" | "updatedAt" | "labels"> | null,
): HistoryEntry[] {
  const origins = new Map<string, Origin>(
    (review?.labels ?? []).flatMap((l) => (l.origin ? [[l.id, { className: l.origin.className, box: l.origin.box as Box }] as const] : [])),
  );
  const last = new Map<string, Origin>();
  const entries: HistoryEntry[] = [];
  for (const rev of revisions) {
    const prev = last.get(rev.labelId) ?? origins.get(rev.labelId);
    const mv = rev.modelVersion;
    entries.push({
      id: `${rev.labelId}#${rev.revision}`,
      kind: rev.change,
      at: rev.createdAt,
      who: rev.author.email,
      itemKey: rev.originFindingId ? aiKey(rev.originFindingId) : labelKey(rev.labelId),
      className: rev.className,
      summary: summaryOf(rev, prev),
      modelVersion: mv ? `${mv.name} ${mv.version}` : null,
    });
    last.set(rev.labelId, { className: rev.className, box: rev.box as Box });
  }
  if (review) {
    entries.push({
      id: `${review.id}#started`,
      kind: "started",
      at: review.startedAt,
      who: review.reader.email,
      itemKey: null,
      className: null,
      summary: "started the review",
      modelVersion: null,
    });
    if (review.signedOffAt)
      entries.push({
        id: `${review.id}#signed`,
        kind: "signed_off",
        at: review.signedOffAt,
        who: review.reader.email,
        itemKey: null,
        className: null,
        summary: "signed off",
        modelVersion: null,
      });
    if (review.status === "completed")
      entries.push({
        id: `${review.id}#completed`,
        kind: "completed",
        at: review.updatedAt,
        who: review.reader.email,
        itemKey: null,
        className: null,
        summary: "completed the annotation task",
        modelVersion: null,
      });
  }
  // Newest first; a stable sort keeps same-time revisions in their stored order, reversed with the rest.
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.at.localeCompare(a.e.at) || b.i - a.i)
    .map(({ e }) => e);
}

/** The entries of one box (the per-box timeline). */
export function entriesOfItem(entries: HistoryEntry[], itemKey: string): HistoryEntry[] {
  return entries.filter((e) => e.itemKey === itemKey);
}
