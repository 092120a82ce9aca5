"use client";

import { findingColour } from "@/lib/inference/vocabulary";
import type { ReviewItem } from "@/lib/review-ui/review-items";

// The colour key for the classes drawn on this image (colour is never the only cue: each box also has its number).
export function BoxLegend({ items }: { items: ReviewItem[] }) {
  const classes = [...new Set(items.map((i) => i.className))].sort();
  if (classes.length === 0) return null;
  return (
    <ul
      className="absolute left-2 top-2 flex max-w-[40%] flex-col gap-0.5 rounded bg-black/70 px-2 py-1 text-xs text-slate-100"
      data-testid="box-legend"
      aria-label="Box colours"
    >
      {classes.map((c) => (
        <li key={c} className="flex items-center gap-1.5">
          <span className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: findingColour(c) }} aria-hidden />
          {c}
        </li>
      ))}
    </ul>
  );
}
