"use client";

import type { ViewportApi } from "@/components/viewer/dicom-viewport";
import type { BrowserRun } from "./use-browser-inference";
import type { Box } from "@/lib/review-ui/box-geometry";
import { visibleItems, type ReviewItem } from "@/lib/review-ui/review-items";
import type { ReaderDecisionsDto } from "@/lib/schemas/review";
import { BrowserBoxesLayer } from "./browser-boxes-layer";
import { ReaderDecisionsLayer } from "./reader-decisions-layer";
import { onScreen } from "./on-screen";
import { ReviewOverlay } from "./review-overlay";

type Filter = Omit<Parameters<typeof visibleItems>[1], "instanceId" | "frame">;

/** What the workspace draws over the film on screen: the review's boxes, the readers' decisions of an annotation task,
 * and the in-browser run's boxes for comparison — each only on its own image and frame. */
export function WorkspaceOverlay(p: {
  api: ViewportApi | null;
  all: readonly ReviewItem[];
  filter: Filter;
  numbers: Map<string, number>;
  selectedKey: string | null;
  hoveredKey: string | null;
  editing: boolean;
  adding: boolean;
  draft: Box | null;
  onSelect: (key: string) => void;
  onHover: (key: string | null) => void;
  onEditBox: (it: ReviewItem, box: Box) => void;
  onDrawn: (box: Box, at: ReturnType<typeof onScreen>) => void;
  decisions: ReaderDecisionsDto | undefined;
  decisionsShown: boolean;
  browserRun: BrowserRun;
  browserShown: boolean;
}) {
  const at = onScreen(p.api);
  const decisions = (p.decisions?.reads ?? [])
    .flatMap((r) => r.decisions)
    .filter((d) => (d.instanceId === null || d.instanceId === at.instanceId) && d.frame === (at.frame ?? 1));
  return (
    <>
      <ReviewOverlay
        api={p.api}
        items={visibleItems(p.all, { ...p.filter, ...at })}
        numbers={p.numbers}
        selectedKey={p.selectedKey}
        hoveredKey={p.hoveredKey}
        editing={p.editing}
        adding={p.adding}
        draft={p.draft}
        onSelect={p.onSelect}
        onHover={p.onHover}
        onEditBox={p.onEditBox}
        onDrawn={(box) => p.onDrawn(box, at)}
      />
      {p.decisionsShown && p.decisions && <ReaderDecisionsLayer api={p.api} decisions={decisions} />}
      {p.browserRun.status === "done" && p.browserShown && (
        // The in-browser run predicts frame 1 of each image (lib/predictions/predict-dicom-bytes.ts).
        <BrowserBoxesLayer
          api={p.api}
          boxes={p.browserRun.boxes.filter((b) => p.api && b.instanceId === at.instanceId && at.frame === 1)}
        />
      )}
    </>
  );
}
