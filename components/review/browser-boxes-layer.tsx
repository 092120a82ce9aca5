"use client";

import type { ViewportApi } from "@/components/viewer/dicom-viewport";
import { projectBox } from "@/lib/review-ui/box-geometry";
import type { BrowserBox } from "./use-browser-inference";

// The browser (WASM) run's boxes as a comparison layer over the image: white dashes, never clickable, so the
// reader's own overlay below keeps working. They are AI suggestions for comparison, not part of the review.
export function BrowserBoxesLayer({ api, boxes }: { api: ViewportApi | null; boxes: BrowserBox[] }) {
  if (!api) return null;
  const toCanvas = (p: { x: number; y: number }) => api.pixelToCanvas(p);
  return (
    <svg
      className="pointer-events-none absolute inset-0 h-full w-full"
      data-testid="browser-boxes-layer"
      aria-label="Browser (WASM) AI suggestions"
    >
      {boxes.map((b, i) => {
        const r = projectBox(b.box, toCanvas);
        return (
          <g key={i} data-testid="browser-box-rect">
            <rect x={r.x} y={r.y} width={r.width} height={r.height} fill="none" stroke="white" strokeWidth={1.5} strokeDasharray="8 4" />
            <text x={r.x + r.width} y={r.y + r.height + 12} textAnchor="end" fill="white" fontSize={11}>
              WASM · {b.finding} {Math.round(b.confidence * 100)}%
            </text>
          </g>
        );
      })}
    </svg>
  );
}
