"use client";

import { useCallback, useState } from "react";
import type { Box } from "@/lib/review-ui/box-geometry";
import { labelKey, type ReviewItem } from "@/lib/review-ui/review-items";
import { newTempId, type LocalOperation } from "@/lib/review-ui/save-queue";

const target = (it: ReviewItem) => (it.kind === "ai" ? { findingId: it.findingId! } : { labelId: it.labelId! });

/** Where a new box was drawn: the image and frame (null while the viewer has not said). */
export type DrawnAt = { instanceId: string | null; frame: number | null };

/**
 * The reader's hands on the boxes: which one is selected or hovered, editing its geometry, drawing a new one (and the
 * class picked for it), and the verdicts — each verdict becomes one operation for the autosave queue (`push`, which
 * does nothing while the review is read-only).
 */
export function useBoxEditing() {
  const [selected, setSelected] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState<Box | null>(null);
  const [drawnAt, setDrawnAt] = useState<DrawnAt | null>(null);
  const [reveal, setReveal] = useState<{ instanceId: string | null; frame: number } | null>(null); // page the viewer to a selected box

  // The save queue renames a new box's temporary id once the server has stored it: the selection follows.
  const onTempResolved = useCallback((map: Map<string, string>) => {
    setSelected((k) => (k?.startsWith("t:") && map.has(k.slice(2)) ? labelKey(map.get(k.slice(2))!) : k));
  }, []);

  /** The verdicts and edits on the review's items, as operations for `push`. */
  function bind(o: {
    all: readonly ReviewItem[];
    instanceIds: readonly string[];
    multiFrame: boolean;
    push: (op: LocalOperation) => void;
  }) {
    const { all, push } = o;
    const actions = {
      onSelect: (key: string) => {
        setSelected(key);
        if (key !== selected) setEditing(false);
        const it = all.find((i) => i.key === key);
        if (it && o.multiFrame) setReveal({ instanceId: it.instanceId, frame: it.frame }); // a box on another frame: show that frame
      },
      onHover: setHovered,
      onAccept: (it: ReviewItem) => it.kind === "ai" && push({ op: "accept", findingId: it.findingId! }),
      onReject: (it: ReviewItem, reason?: string) =>
        it.kind === "ai" && push({ op: "reject", findingId: it.findingId!, ...(reason ? { reason } : {}) }),
      onEdit: (it: ReviewItem) => {
        setSelected(it.key);
        setEditing((e) => !e || it.key !== selected);
      },
      onDelete: (it: ReviewItem) => {
        if (it.kind === "reader") {
          push({ op: "delete", labelId: it.labelId! });
          setSelected(null);
        }
      },
      onClassChange: (it: ReviewItem, className: string) => push({ op: "edit", ...target(it), className }),
    };

    return {
      actions,
      editBox: (it: ReviewItem, box: Box) => push({ op: "edit", ...target(it), box }),
      /** The drawn box gets its class and joins the review as the reader's label, selected. */
      confirmDraft: (className: string) => {
        if (!draft) return;
        const tempId = newTempId();
        const instanceId = drawnAt?.instanceId ?? (o.instanceIds.length === 1 ? o.instanceIds[0] : undefined);
        const frame = drawnAt?.frame ?? 1; // a box drawn on frame N of a multi-frame image belongs to that frame
        push({ op: "add", tempId, box: draft, className, ...(instanceId ? { instanceId } : {}), ...(frame > 1 ? { frame } : {}) });
        setDraft(null);
        setAdding(false);
        setSelected(labelKey(tempId));
      },
    };
  }

  return {
    selected,
    hovered,
    editing,
    adding,
    draft,
    reveal,
    onTempResolved,
    bind,
    setHovered,
    setEditing,
    drawn: (box: Box, at: DrawnAt) => (setDraft(box), setDrawnAt(at)),
    discardDraft: () => setDraft(null),
    toggleAdd: () => (setAdding((a) => !a), setDraft(null)),
    /** Escape: no draft, no drawing, no editing, nothing selected. */
    cancel: () => (setDraft(null), setAdding(false), setEditing(false), setSelected(null)),
  };
}
