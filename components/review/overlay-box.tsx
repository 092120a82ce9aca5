"use client";

import type { PointerEvent as ReactPointerEvent } from "react";
import { CORNERS, cornerPoint, projectBox, type Box, type Corner, type Point } from "@/lib/review-ui/box-geometry";
import type { ItemStatus, ReviewItem } from "@/lib/review-ui/review-items";
import { findingColour } from "@/lib/inference/vocabulary";
import type { PlacedLabel } from "@/lib/review-ui/label-placement";

// One box on the image. AI suggestions are thin and dotted; the reader's verdicts each have their own style.
const STYLE: Record<ItemStatus, { width: number; dash?: string; opacity: number }> = {
  pending: { width: 1.5, dash: "2 3", opacity: 0.95 },
  accepted: { width: 2.5, opacity: 1 },
  edited: { width: 2.5, opacity: 1 },
  rejected: { width: 1.5, dash: "6 4", opacity: 0.45 },
  added: { width: 2.5, dash: "10 3 2 3", opacity: 1 },
};

export function statusText(it: ReviewItem): string {
  const pct = it.ai ? ` ${Math.round(it.ai.confidence * 100)}%` : "";
  return {
    pending: `AI suggestion · ${it.className}${pct}`,
    accepted: `✓ ${it.className}${pct}`,
    edited: `✎ ${it.className} (edited)`,
    rejected: `✗ ${it.className}${pct}`,
    added: `+ ${it.className} (reader)`,
  }[it.status];
}

interface Props {
  item: ReviewItem;
  box: Box; // the box to draw (the live one while dragging)
  toCanvas: (p: Point) => Point;
  selected: boolean;
  hovered: boolean;
  editing: boolean;
  onPointerDown: (e: ReactPointerEvent, item: ReviewItem, corner?: Corner) => void;
  onHover: (key: string | null) => void;
  number: number; // the same number as the box's row in the side list
  label: PlacedLabel; // where its tag goes (outside the box, clear of the other tags)
}

export const TAG_HEIGHT = 16;
/** The tag's size on screen: the number alone, or the full label when the box is selected or hovered. */
export function tagSize(it: ReviewItem, number: number, expanded: boolean): { width: number; height: number } {
  const text = expanded ? `${number} ${statusText(it)}` : String(number);
  return { width: Math.ceil(text.length * 6.6) + 8, height: TAG_HEIGHT };
}

export function OverlayBox({ item, box, toCanvas, selected, hovered, editing, onPointerDown, onHover, number, label }: Props) {
  const r = projectBox(box, toCanvas);
  const colour = findingColour(item.className);
  const s = STYLE[item.status];
  const emphasis = selected || hovered;
  return (
    <g
      data-testid={item.kind === "ai" ? "ai-box" : "reader-box"}
      data-key={item.key}
      data-status={item.status}
      data-selected={selected ? "true" : undefined}
      data-hovered={hovered ? "true" : undefined}
      opacity={emphasis ? 1 : s.opacity}
      onPointerEnter={() => onHover(item.key)}
      onPointerLeave={() => onHover(null)}
    >
      {emphasis && (
        <rect
          x={r.x - 3}
          y={r.y - 3}
          width={r.width + 6}
          height={r.height + 6}
          fill="none"
          stroke="white"
          strokeWidth={selected ? 1.5 : 1}
          strokeOpacity={0.8}
        />
      )}
      {item.status === "added" && (
        <rect x={r.x} y={r.y} width={r.width} height={r.height} fill="none" stroke="white" strokeWidth={s.width + 2} strokeOpacity={0.5} />
      )}
      <rect
        x={r.x}
        y={r.y}
        width={r.width}
        height={r.height}
        fill="none"
        stroke={colour}
        strokeWidth={s.width}
        strokeDasharray={s.dash}
        data-testid="box-rect"
      />
      {/* A wide invisible border to pick the box; inside, the image stays draggable unless the box is being edited. */}
      <rect
        x={r.x}
        y={r.y}
        width={r.width}
        height={r.height}
        fill="transparent"
        stroke="transparent"
        strokeWidth={10}
        style={{ pointerEvents: editing ? "all" : "stroke", cursor: editing ? "move" : "pointer" }}
        onPointerDown={(e) => onPointerDown(e, item)}
      />
      {item.status === "edited" && (
        <circle cx={r.x + r.width} cy={r.y} r={4} fill={colour} stroke="white" strokeWidth={1} data-testid="edited-marker" />
      )}
      {/* The tag: a number linked to the side list; the full label while the box is selected or hovered. */}
      <g
        data-testid="box-tag"
        data-side={label.side}
        style={{ pointerEvents: "all", cursor: "pointer", userSelect: "none" }}
        onPointerDown={(e) => onPointerDown(e, item)}
      >
        <rect
          x={label.x}
          y={label.y}
          width={label.width}
          height={label.height}
          rx={3}
          fill={emphasis ? colour : "rgba(0,0,0,0.75)"}
          stroke={colour}
          strokeWidth={1}
        />
        <text x={label.x + 4} y={label.y + label.height - 4} fill={emphasis ? "black" : colour} fontSize={11} fontWeight={600}>
          {emphasis ? `${number} ${statusText(item)}` : number}
        </text>
      </g>
      {editing &&
        CORNERS.map((c) => {
          const p = toCanvas(cornerPoint(box, c));
          return (
            <rect
              key={`${c.x}-${c.y}`}
              data-testid={`handle-${c.x}-${c.y}`}
              x={p.x - 5}
              y={p.y - 5}
              width={10}
              height={10}
              fill="white"
              stroke={colour}
              style={{ pointerEvents: "all", cursor: "nwse-resize" }}
              onPointerDown={(e) => onPointerDown(e, item, c)}
            />
          );
        })}
    </g>
  );
}
