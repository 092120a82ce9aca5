import type { ReviewItem } from "./review-items";

// What "Complete task" puts into the training label: the boxes kept (accepted, edited, added; not deleted), per class;
// what it leaves out (rejected suggestions); and the AI suggestions nobody decided, which are left out unless accepted.
export interface TaskSummary {
  kept: { accepted: number; edited: number; added: number; total: number };
  byClass: { className: string; count: number }[];
  rejected: number;
  undecided: ReviewItem[]; // shown on screen (the display filters pass them)
  hiddenUndecided: number; // undecided but hidden by the display filters: left out, never accepted in bulk
}

/** `shown`: the items the display filters let through; a bulk accept only takes what the annotator could see. */
export function taskSummary(items: ReviewItem[], shown: readonly ReviewItem[] = items): TaskSummary {
  const live = items.filter((i) => !i.deleted);
  const kept = live.filter((i) => i.status === "accepted" || i.status === "edited" || i.status === "added");
  const classes = new Map<string, number>();
  for (const i of kept) classes.set(i.className, (classes.get(i.className) ?? 0) + 1);
  const shownPending = shown.filter((i) => !i.deleted && i.kind === "ai" && i.status === "pending");
  return {
    kept: {
      accepted: kept.filter((i) => i.status === "accepted").length,
      edited: kept.filter((i) => i.status === "edited").length,
      added: kept.filter((i) => i.status === "added").length,
      total: kept.length,
    },
    byClass: [...classes].map(([className, count]) => ({ className, count })).sort((a, b) => a.className.localeCompare(b.className)),
    rejected: live.filter((i) => i.status === "rejected").length,
    undecided: shownPending,
    hiddenUndecided: live.filter((i) => i.kind === "ai" && i.status === "pending").length - shownPending.length,
  };
}
