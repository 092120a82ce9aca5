import type { Impression } from "@/lib/schemas/review";
import type { ReviewCommand } from "@/lib/viewer/key-map";
import type { ReviewItem } from "./review-items";

export interface KeyContext {
  selected: ReviewItem | null; // the selected box, when it is shown
  hasSelection: boolean;
  drafting: boolean; // drawing, a drawn box waiting for its class, or editing
  readOnly: boolean; // signed off, completed, conflict or not loaded
  signable: boolean; // false for annotation tasks (completed instead)
  canCompleteTask: boolean;
  canDownloadSr: boolean; // signed off, with a structured report to download
  canRunInBrowser: boolean; // a model version to run on this device
}

export type KeyAction =
  | { type: "pass" } // not handled: the viewer may use the key (R rotates, Esc closes help)
  | { type: "select"; direction: "next" | "previous" }
  | { type: "cancel" }
  | { type: "add" }
  | { type: "signOff" }
  | { type: "completeTask" }
  | { type: "impression"; impression: Impression }
  | { type: "downloadSr" }
  | { type: "runInBrowser" }
  | { type: "threshold"; step: 1 | -1 } // one 5 % step of the display filters' confidence slider
  | { type: "accept" | "reject" | "reason" | "classify" | "edit" | "delete"; item: ReviewItem };

const PASS: KeyAction = { type: "pass" };

/** What a review key does in the current state; pure, so every key's rule is unit-tested. */
export function reviewKeyAction(c: ReviewCommand, ctx: KeyContext): KeyAction {
  if (c === "next" || c === "previous") return { type: "select", direction: c };
  if (c === "cancel") return ctx.drafting || ctx.hasSelection ? { type: "cancel" } : PASS;
  // These change nothing in the review, so they work on a locked one too.
  if (c === "downloadSr") return ctx.canDownloadSr ? { type: "downloadSr" } : PASS;
  if (c === "runInBrowser") return ctx.canRunInBrowser ? { type: "runInBrowser" } : PASS;
  if (c === "thresholdDown" || c === "thresholdUp") return { type: "threshold", step: c === "thresholdUp" ? 1 : -1 };
  if (ctx.readOnly) return PASS;
  if (c === "add") return { type: "add" };
  if (c === "signOff") return ctx.signable ? { type: "signOff" } : ctx.canCompleteTask ? { type: "completeTask" } : PASS;
  if (c === "noFinding" || c === "abnormal") return { type: "impression", impression: c === "noFinding" ? "no_finding" : "abnormal" };
  const item = ctx.selected;
  if (!item) return PASS;
  if (c === "accept" || c === "reject" || c === "reason") return item.kind === "ai" ? { type: c, item } : PASS;
  if (c === "delete") return item.kind === "reader" ? { type: "delete", item } : PASS;
  return { type: c, item }; // edit, classify
}
