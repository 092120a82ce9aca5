"use client";

import type { AiStatus } from "@/lib/review-ui/ai-status";

const TONE: Record<AiStatus["kind"], string> = {
  pending: "text-sky-300",
  failed: "text-rose-300",
  none: "text-slate-400",
  nothing: "text-emerald-300",
  hidden: "text-amber-300",
  shown: "text-slate-400",
};

// The study's name and what the AI did on it, kept current by the live event stream.
export function AiStatusNote({ studyName, status, live }: { studyName: string | null; status: AiStatus; live: boolean }) {
  return (
    <div className="flex flex-col gap-0.5 text-xs">
      {studyName && (
        <p className="font-mono text-slate-200" data-testid="study-name">
          {studyName}
        </p>
      )}
      <p
        className={TONE[status.kind]}
        role="status"
        data-testid="ai-status"
        data-kind={status.kind}
        data-hidden={status.hidden}
        data-live={live}
      >
        {status.text}
      </p>
    </div>
  );
}
