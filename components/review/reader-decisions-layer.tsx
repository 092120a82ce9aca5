"use client";

import type { ViewportApi } from "@/components/viewer/dicom-viewport";
import { projectBox } from "@/lib/review-ui/box-geometry";
import type { ReaderDecisionDto } from "@/lib/schemas/review";

// Outline per decision; dashes set the reference layer apart from the annotator's own (solid) boxes.
export const DECISION_STYLE: Record<ReaderDecisionDto["decision"], { stroke: string; text: string; label: string }> = {
  accepted: { stroke: "#34d399", text: "text-emerald-300", label: "accepted" },
  edited: { stroke: "#a78bfa", text: "text-violet-300", label: "edited" },
  added: { stroke: "#fbbf24", text: "text-amber-300", label: "added" },
  rejected: { stroke: "#fb7185", text: "text-rose-300", label: "rejected" },
};

// The reader's decisions as a reference layer over the image (never clickable: the annotator's overlay stays usable).
export function ReaderDecisionsLayer({ api, decisions }: { api: ViewportApi | null; decisions: ReaderDecisionDto[] }) {
  if (!api) return null;
  const toCanvas = (p: { x: number; y: number }) => api.pixelToCanvas(p);
  return (
    <svg
      className="pointer-events-none absolute inset-0 h-full w-full"
      data-testid="reader-decisions-layer"
      aria-label="The reader's decisions (reference)"
    >
      {decisions.map((d) => {
        const r = projectBox(d.box, toCanvas);
        const s = DECISION_STYLE[d.decision];
        return (
          <g key={d.labelId} data-testid="reader-decision-box" data-decision={d.decision} data-label-id={d.labelId}>
            <rect x={r.x} y={r.y} width={r.width} height={r.height} fill="none" stroke={s.stroke} strokeWidth={1.5} strokeDasharray="3 3" />
            <text x={r.x} y={r.y - 3} fill={s.stroke} fontSize={11}>
              Reader · {s.label} {d.className}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
