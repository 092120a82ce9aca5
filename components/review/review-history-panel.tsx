"use client";

import { useMemo, useState } from "react";
import { entriesOfItem, historyEntries, type HistoryEntry } from "@/lib/review-ui/history-entries";
import type { ReviewDto } from "@/lib/schemas/review";
import { useReviewHistory } from "./use-review-history";

const fmtTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "short", timeStyle: "medium" });

// The review timeline in the side panel: the whole study, or only the selected box. Loaded when opened.
export function ReviewHistoryPanel({ review, selectedKey }: { review: ReviewDto | null; selectedKey: string | null }) {
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState<"box" | "study">("box");
  const q = useReviewHistory(review?.id, review?.version ?? 0, open);
  const all = useMemo(() => (q.data ? historyEntries(q.data.revisions, review) : []), [q.data, review]);
  const perBox = scope === "box" && selectedKey !== null;
  const entries = perBox ? entriesOfItem(all, selectedKey) : all;
  return (
    <details
      className="text-xs"
      data-testid="review-history"
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary className="cursor-pointer text-slate-400">History</summary>
      {!review && <p className="mt-1 text-slate-400">No changes yet: the review starts with your first decision.</p>}
      {review && (
        <div className="mt-1 flex flex-col gap-1">
          {selectedKey && (
            <label className="flex items-center gap-1 text-slate-400">
              <input
                type="checkbox"
                checked={perBox}
                onChange={(e) => setScope(e.target.checked ? "box" : "study")}
                data-testid="history-scope-box"
              />
              Only the selected box
            </label>
          )}
          {q.isLoading && <p className="text-slate-400">Loading…</p>}
          {q.error && (
            <p className="text-rose-300" role="alert">
              {q.error.message}
            </p>
          )}
          {q.data && entries.length === 0 && (
            <p className="text-slate-400" data-testid="history-empty">
              No changes {perBox ? "to this box" : "yet"}.
            </p>
          )}
          <ol className="flex max-h-64 flex-col gap-1 overflow-y-auto" data-testid="history-list" data-scope={perBox ? "box" : "study"}>
            {entries.map((e) => (
              <HistoryRow key={e.id} entry={e} />
            ))}
          </ol>
        </div>
      )}
    </details>
  );
}

function HistoryRow({ entry: e }: { entry: HistoryEntry }) {
  return (
    <li
      className="rounded border border-slate-800 px-2 py-1"
      data-testid="history-entry"
      data-kind={e.kind}
      data-item-key={e.itemKey ?? ""}
    >
      <p className="text-slate-200">{e.summary}</p>
      <p className="text-slate-400">
        {e.who} · <time dateTime={e.at}>{fmtTime(e.at)}</time>
        {e.modelVersion && <> · AI {e.modelVersion}</>}
      </p>
    </li>
  );
}
