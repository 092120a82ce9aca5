import type { Box, LabelDto, StudyReviewDto } from "@/lib/schemas/review";
import { sameBox } from "./box-geometry";
import { classThreshold, type DisplayThresholds } from "./display-thresholds";
import type { LocalOperation } from "./save-queue";

// The reader's view of a review: one item per AI finding (with its verdict) and one per reader-added label,
// from the server state with the not-yet-saved operations applied on top (optimistic, the same rules as the server).

export type ItemStatus = "pending" | "accepted" | "rejected" | "edited" | "added";

export interface ReviewItem {
  key: string; // "f:<findingId>" for AI findings, "l:<labelId>" for reader labels, "t:<tempId>" for unsaved adds
  kind: "ai" | "reader";
  findingId?: string;
  labelId?: string; // a reader label's id (real or temporary)
  instanceId: string | null;
  frame: number; // 1-based frame of that image the box is on
  className: string;
  box: Box;
  status: ItemStatus;
  rejectReason: string | null;
  deleted: boolean;
  ai?: { className: string; box: Box; confidence: number };
}

export const aiKey = (findingId: string) => `f:${findingId}`;
export const labelKey = (labelId: string) => (labelId.startsWith("tmp-") ? `t:${labelId}` : `l:${labelId}`);

const STATUS_OF_SOURCE: Record<LabelDto["source"], ItemStatus> = { ai_accepted: "accepted", ai_edited: "edited", reader_added: "added" };

function fromLabel(l: LabelDto): Pick<ReviewItem, "className" | "box" | "status" | "rejectReason" | "deleted"> {
  const status = l.rejected ? "rejected" : STATUS_OF_SOURCE[l.source];
  return { className: l.className, box: [...l.box] as Box, status, rejectReason: l.rejectReason, deleted: l.deleted };
}

export function itemsFromServer(state: StudyReviewDto): ReviewItem[] {
  const labels = state.review?.labels ?? [];
  const byFinding = new Map(labels.filter((l) => l.originFindingId).map((l) => [l.originFindingId!, l]));
  const items: ReviewItem[] = state.findings.map((f) => {
    const ai = { className: f.className, box: [...f.box] as Box, confidence: f.confidence };
    const l = byFinding.get(f.id);
    const base = l ? fromLabel(l) : { className: f.className, box: ai.box, status: "pending" as const, rejectReason: null, deleted: false };
    return { key: aiKey(f.id), kind: "ai", findingId: f.id, instanceId: f.instanceId, frame: f.frame, ai, ...base };
  });
  for (const l of labels) {
    if (l.originFindingId) continue;
    items.push({ key: labelKey(l.id), kind: "reader", labelId: l.id, instanceId: l.instanceId, frame: l.frame, ...fromLabel(l) });
  }
  return items;
}

function editedStatus(item: ReviewItem): ItemStatus {
  if (!item.ai) return "added";
  return sameBox(item.box, item.ai.box) && item.className === item.ai.className ? "accepted" : "edited";
}

/** One operation applied locally; unknown targets are ignored (the server is the judge). */
export function applyLocal(items: ReviewItem[], op: LocalOperation, instanceId: string | null = null): ReviewItem[] {
  if (op.op === "add") {
    const item: ReviewItem = {
      key: labelKey(op.tempId),
      kind: "reader",
      labelId: op.tempId,
      instanceId: op.instanceId ?? instanceId,
      frame: op.frame ?? 1,
      className: op.className,
      box: [...op.box],
      status: "added",
      rejectReason: null,
      deleted: false,
    };
    return [...items, item];
  }
  const key = "findingId" in op && op.findingId ? aiKey(op.findingId) : labelKey((op as { labelId: string }).labelId);
  return items.map((it) => {
    if (it.key !== key) return it;
    switch (op.op) {
      case "accept":
        return it.ai
          ? { ...it, className: it.ai.className, box: [...it.ai.box] as Box, status: "accepted", rejectReason: null, deleted: false }
          : it;
      case "reject":
        return it.ai ? { ...it, status: "rejected", rejectReason: op.reason || null } : it;
      case "edit": {
        const next = { ...it, box: op.box ?? it.box, className: op.className ?? it.className, rejectReason: null, deleted: false };
        return { ...next, status: editedStatus(next) };
      }
      case "delete":
        return it.kind === "reader" ? { ...it, deleted: true } : it;
      case "restore":
        return { ...it, deleted: false };
    }
  });
}

export function viewItems(state: StudyReviewDto, pending: readonly LocalOperation[]): ReviewItem[] {
  return pending.reduce(
    (items, op) => applyLocal(items, op, state.instances.length === 1 ? state.instances[0]!.id : null),
    itemsFromServer(state),
  );
}

export interface ItemFilter {
  thresholds: DisplayThresholds; // the effective display thresholds (global + per class)
  hiddenClasses: ReadonlySet<string>;
  instanceId: string | null; // the image on screen; null shows every item
  frame?: number | null; // the frame on screen (1-based); null or absent shows every frame
}

/**
 * What is drawn and listed: pending AI suggestions whose confidence reaches their class's threshold (its per-class
 * value, else the global one), every AI finding the reader already decided on and every reader label; visible
 * classes only; this image.
 */
export function visibleItems(items: readonly ReviewItem[], f: ItemFilter): ReviewItem[] {
  return items.filter(
    (it) =>
      !it.deleted &&
      !f.hiddenClasses.has(it.className) &&
      (f.instanceId === null || it.instanceId === null || it.instanceId === f.instanceId) &&
      (f.frame == null || it.frame === f.frame) &&
      (it.kind === "reader" || it.status !== "pending" || it.ai!.confidence >= classThreshold(f.thresholds, it.ai!.className)),
  );
}

/** The next item after `current` (wrapping), for the N key. */
export function nextItemKey(items: readonly ReviewItem[], current: string | null): string | null {
  if (items.length === 0) return null;
  const i = items.findIndex((it) => it.key === current);
  return items[(i + 1) % items.length]!.key;
}

/** "cxr:/api/v1/instances/<id>/file" → "<id>" (the viewer's image id names the instance it shows). */
export function instanceIdFromImageId(imageId: string): string | null {
  return /\/instances\/([^/]+)\/file/.exec(imageId)?.[1] ?? null;
}
