"use client";

import type { ReaderDecisionsDto } from "@/lib/schemas/review";
import { DECISION_STYLE } from "./reader-decisions-layer";

// The annotation task's reference: what the radiologist decided on each box (with the reason for a rejection),
// beside the AI suggestions the annotator corrects. Shown, never editable.
export function ReaderDecisionsList({
  data,
  shown,
  onToggle,
}: {
  data: ReaderDecisionsDto | undefined;
  shown: boolean;
  onToggle: () => void;
}) {
  if (!data) return null;
  return (
    <section className="flex flex-col gap-1 text-xs" data-testid="reader-decisions" aria-label="The reader's decisions">
      <div className="flex items-center justify-between">
        <h3 className="font-medium text-slate-300">The reader&apos;s decisions (reference)</h3>
        <button
          type="button"
          className="rounded bg-slate-700 px-2 py-0.5"
          onClick={onToggle}
          aria-pressed={shown}
          data-testid="reader-decisions-toggle"
        >
          {shown ? "Hide on image" : "Show on image"}
        </button>
      </div>
      {data.reads.length === 0 && <p className="text-slate-400">No signed-off read of this study yet.</p>}
      {data.reads.map((r) => (
        <div key={r.reviewId} data-testid="reader-read">
          <p className="text-slate-400">
            {r.reader.name} ({r.purpose === "double_read" ? "double read" : "primary read"}) · impression{" "}
            {r.impression === "no_finding" ? "no finding" : (r.impression ?? "—")}
          </p>
          <ul className="flex flex-col gap-0.5">
            {r.decisions.length === 0 && <li className="text-slate-400">No box decisions.</li>}
            {r.decisions.map((d) => (
              <li key={d.labelId} className={DECISION_STYLE[d.decision].text} data-testid="reader-decision" data-decision={d.decision}>
                {DECISION_STYLE[d.decision].label} {d.className}
                {d.decision === "edited" && d.aiClassName && d.aiClassName !== d.className && <> (AI: {d.aiClassName})</>}
                {d.decision === "rejected" && <> — {d.reason ? `reason: ${d.reason}` : "no reason given"}</>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
