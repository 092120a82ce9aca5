import type { StudyStatus } from "@/lib/schemas/study";
import type { ReviewItem } from "./review-items";

// What the reader is told about the AI on this study, each case in its own words: not scored yet, failed, found
// nothing, or found boxes some of which the display filters hide. "No boxes shown" alone would mean any of them.

export type AiStatusKind = "pending" | "failed" | "none" | "nothing" | "hidden" | "shown";
export interface AiStatus {
  kind: AiStatusKind;
  text: string;
  hidden: number; // AI suggestions the display filters hide
}

export function aiStatus(o: {
  studyStatus: StudyStatus | undefined;
  hasModel: boolean;
  all: readonly ReviewItem[];
  shown: readonly ReviewItem[];
}): AiStatus {
  const ai = o.all.filter((i) => i.kind === "ai" && !i.deleted);
  const shownAi = o.shown.filter((i) => i.kind === "ai").length;
  const hidden = ai.length - shownAi;
  if (ai.length === 0) {
    if (o.studyStatus === undefined || o.studyStatus === "new")
      return { kind: "pending", text: "AI pending: this study is not scored yet. Boxes appear here as soon as they land.", hidden: 0 };
    if (o.studyStatus === "prediction_failed")
      return { kind: "failed", text: "AI failed on this study: no suggestions. An admin can re-run the prediction.", hidden: 0 };
    if (!o.hasModel) return { kind: "none", text: "No AI result for this study.", hidden: 0 };
    return { kind: "nothing", text: "AI found nothing on this study.", hidden: 0 };
  }
  const found = `AI found ${ai.length} suggestion${ai.length === 1 ? "" : "s"}`;
  if (hidden > 0) return { kind: "hidden", text: `${found}; ${hidden} hidden by filters.`, hidden };
  return { kind: "shown", text: `${found}, all shown.`, hidden: 0 };
}
