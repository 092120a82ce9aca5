import type { ReviewItem } from "./review-items";

/** What the sign-off dialog summarises: boxes kept (accepted or edited), rejected, added, and AI suggestions undecided. */
export function signOffCounts(all: readonly ReviewItem[]) {
  return {
    accepted: all.filter((i) => !i.deleted && (i.status === "accepted" || i.status === "edited")).length,
    rejected: all.filter((i) => i.status === "rejected").length,
    added: all.filter((i) => !i.deleted && i.status === "added").length,
    undecided: all.filter((i) => i.status === "pending").length,
  };
}
