"use client";

import { nextItemKey, type ReviewItem } from "@/lib/review-ui/review-items";
import { reviewKeyAction, type KeyContext } from "@/lib/review-ui/review-key-action";
import type { Impression } from "@/lib/schemas/review";
import { useReviewKeys, type ReviewKeyCommand } from "./use-review-keys";

export type WorkspaceKeyHandlers = {
  select(key: string): void;
  cancel(): void;
  accept(it: ReviewItem): void;
  reject(it: ReviewItem): void;
  askReason(it: ReviewItem): void;
  classify(it: ReviewItem): void;
  toggleEdit(): void;
  remove(it: ReviewItem): void;
  toggleAdd(): void;
  impression(i: Impression): void;
  signOff(): void;
  completeTask(): void;
  downloadSr(): void;
  runInBrowser(): void;
  threshold(step: 1 | -1): void;
};

/** The review keys of the workspace: what each key does is decided by the pure `reviewKeyAction` (unit-tested); this
 * only carries it out. `paused` while a modal (the task summary) has the keyboard. */
export function useWorkspaceKeys(paused: boolean, shown: readonly ReviewItem[], ctx: KeyContext, h: WorkspaceKeyHandlers) {
  useReviewKeys((c: ReviewKeyCommand): boolean => {
    if (paused) return false;
    const a = reviewKeyAction(c, ctx);
    switch (a.type) {
      case "pass":
        return false;
      case "select": {
        const key = nextItemKey(a.direction === "next" ? shown : [...shown].reverse(), ctx.selected?.key ?? null);
        if (key) h.select(key);
        return true;
      }
      case "cancel":
        return (h.cancel(), true);
      case "accept":
        return (h.accept(a.item), true);
      case "reject":
        return (h.reject(a.item), true);
      case "reason":
        return (h.askReason(a.item), true);
      case "classify":
        return (h.classify(a.item), true);
      case "edit":
        return (h.toggleEdit(), true);
      case "delete":
        return (h.remove(a.item), true);
      case "add":
        return (h.toggleAdd(), true);
      case "impression":
        return (h.impression(a.impression), true);
      case "signOff":
        return (h.signOff(), true);
      case "completeTask":
        return (h.completeTask(), true);
      case "downloadSr":
        return (h.downloadSr(), true);
      case "runInBrowser":
        return (h.runInBrowser(), true);
      case "threshold":
        return (h.threshold(a.step), true);
    }
  });
}
