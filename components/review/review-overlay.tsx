"use client";

import { useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import type { ViewportApi } from "@/components/viewer/dicom-viewport";
import {
  boxFromPoints,
  moveBox,
  projectBox,
  resizeBox,
  sameBox,
  type Box,
  type Corner,
  type ImageSize,
  type Point,
} from "@/lib/review-ui/box-geometry";
import { placeLabels } from "@/lib/review-ui/label-placement";
import type { ReviewItem } from "@/lib/review-ui/review-items";
import { BoxLegend } from "./box-legend";
import { OverlayBox, tagSize } from "./overlay-box";

interface Props {
  api: ViewportApi | null;
  items: ReviewItem[];
  selectedKey: string | null;
  hoveredKey: string | null;
  editing: boolean; // the selected box shows handles and can be dragged
  adding: boolean; // a drag on the image draws a new box
  draft: Box | null; // a drawn box waiting for its class
  onSelect: (key: string) => void;
  onHover: (key: string | null) => void;
  onEditBox: (item: ReviewItem, box: Box) => void;
  onDrawn: (box: Box) => void;
  numbers: ReadonlyMap<string, number>; // each box's number in the side list
}

type Drag = { item: ReviewItem; corner?: Corner; start: Point; orig: Box; box: Box };

// Re-projected from image pixels on every render: the viewer re-renders this after each draw (zoom, pan, rotate, flip).
export function ReviewOverlay({
  api,
  items,
  selectedKey,
  hoveredKey,
  editing,
  adding,
  draft,
  onSelect,
  onHover,
  onEditBox,
  onDrawn,
  numbers,
}: Props) {
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [drawing, setDrawing] = useState<{ start: Point; box: Box | null } | null>(null);
  if (!api) return null;
  const size: ImageSize = api.image.cxrFullSize;
  const toCanvas = (p: Point) => api.pixelToCanvas(p);
  const toPixel = (e: { clientX: number; clientY: number }) => {
    const r = svg.current!.getBoundingClientRect();
    return api.canvasToPixel({ x: e.clientX - r.left, y: e.clientY - r.top });
  };
  // Capture on the element hit (it takes pointer events; the layer around it does not), moves bubble up to the svg.
  const capture = (e: ReactPointerEvent) => (e.currentTarget as Element).setPointerCapture(e.pointerId);

  const onBoxDown = (e: ReactPointerEvent, item: ReviewItem, corner?: Corner) => {
    if (e.button !== 0 || adding) return;
    e.stopPropagation();
    e.preventDefault();
    onSelect(item.key);
    if (!editing || item.key !== selectedKey) return;
    capture(e);
    setDrag({ item, corner, start: toPixel(e), orig: item.box, box: item.box });
  };
  const onDrawDown = (e: ReactPointerEvent) => {
    if (e.button !== 0) return;
    e.preventDefault();
    capture(e);
    setDrawing({ start: toPixel(e), box: null });
  };
  const onMove = (e: ReactPointerEvent) => {
    if (drag) {
      const p = toPixel(e);
      const box = drag.corner
        ? resizeBox(drag.orig, drag.corner, p, size)
        : moveBox(drag.orig, p.x - drag.start.x, p.y - drag.start.y, size);
      setDrag({ ...drag, box });
    } else if (drawing) setDrawing({ ...drawing, box: boxFromPoints(drawing.start, toPixel(e), size) });
  };
  const onUp = () => {
    if (drag && !sameBox(drag.box, drag.orig)) onEditBox(drag.item, drag.box);
    if (drawing?.box) onDrawn(drawing.box);
    setDrag(null);
    setDrawing(null);
  };

  // Tags are placed selected first, then hovered, then in list order: the box the reader looks at gets the best spot.
  const rank = (it: ReviewItem) => (it.key === selectedKey ? 0 : it.key === hoveredKey ? 1 : 2);
  const boxOf = (it: ReviewItem) => (drag?.item.key === it.key ? drag.box : it.box);
  const ordered = [...items].sort((a, b) => rank(a) - rank(b) || (numbers.get(a.key) ?? 0) - (numbers.get(b.key) ?? 0));
  const view = { width: api.element.clientWidth, height: api.element.clientHeight }; // the overlay covers the viewport element
  const labels = new Map(
    placeLabels(
      ordered.map((it) => ({ key: it.key, box: projectBox(boxOf(it), toCanvas), ...tagSize(it, numbers.get(it.key) ?? 0, rank(it) < 2) })),
      { width: view.width, height: view.height },
    ).map((l) => [l.key, l]),
  );

  const preview = drawing?.box ?? draft;
  const pr = preview && projectBox(preview, toCanvas);
  return (
    <>
      <svg
        ref={svg}
        className="absolute inset-0 h-full w-full"
        data-testid="review-overlay"
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerCancel={onUp}
      >
        {items.map((it) => (
          <OverlayBox
            key={it.key}
            item={it}
            box={boxOf(it)}
            number={numbers.get(it.key) ?? 0}
            label={labels.get(it.key)!}
            toCanvas={toCanvas}
            selected={it.key === selectedKey}
            hovered={it.key === hoveredKey}
            editing={editing && it.key === selectedKey}
            onPointerDown={onBoxDown}
            onHover={onHover}
          />
        ))}
        {/* On top while drawing, so a new box can start over an existing one. */}
        {adding && (
          <rect
            width="100%"
            height="100%"
            fill="transparent"
            style={{ pointerEvents: "all", cursor: "crosshair" }}
            onPointerDown={onDrawDown}
            data-testid="draw-surface"
          />
        )}
        {pr && (
          <rect
            x={pr.x}
            y={pr.y}
            width={pr.width}
            height={pr.height}
            fill="none"
            stroke="white"
            strokeWidth={2}
            strokeDasharray="4 2"
            data-testid="draft-box"
          />
        )}
      </svg>
      <BoxLegend items={items} />
    </>
  );
}
