"use client";

import type { ViewportApi } from "@/components/viewer/dicom-viewport";
import type { BoxXyxy } from "@/lib/boxes/convert";
import type { DiffStatus } from "@/lib/priors/findings-diff";
import { projectBox } from "@/lib/review-ui/box-geometry";

export const DIFF_COLOUR: Record<DiffStatus, string> = { new: "#fbbf24", persisting: "#60a5fa", resolved: "#34d399" };

// One film's boxes in the comparison, each outlined and tagged with its diff status; the lung field dotted.
export function DiffBoxesLayer({
  api,
  boxes,
  lungBox,
  side,
}: {
  api: ViewportApi | null;
  boxes: { id: string; className: string; box: BoxXyxy; status: DiffStatus }[];
  lungBox: BoxXyxy;
  side: "current" | "prior";
}) {
  if (!api) return null;
  const toCanvas = (p: { x: number; y: number }) => api.pixelToCanvas(p);
  const lung = projectBox(lungBox, toCanvas);
  return (
    <svg
      className="pointer-events-none absolute inset-0 h-full w-full"
      data-testid={`diff-layer-${side}`}
      aria-label={`${side} film: boxes with their change`}
    >
      <rect
        x={lung.x}
        y={lung.y}
        width={lung.width}
        height={lung.height}
        fill="none"
        stroke="#94a3b8"
        strokeWidth={1}
        strokeDasharray="2 4"
        data-testid="lung-field"
      />
      {boxes.map((b) => {
        const r = projectBox(b.box, toCanvas);
        return (
          <g key={b.id} data-testid="diff-box" data-status={b.status}>
            <rect x={r.x} y={r.y} width={r.width} height={r.height} fill="none" stroke={DIFF_COLOUR[b.status]} strokeWidth={2} />
            <text x={r.x} y={r.y - 3} fill={DIFF_COLOUR[b.status]} fontSize={11}>
              {b.status} · {b.className}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
