"use client";

// The frame indicator of a multi-frame image, with buttons for readers who page by mouse (keys: PageUp/PageDown, [ ]).
export function FramePager({ frame, frames, onStep }: { frame: number; frames: number; onStep: (step: 1 | -1) => void }) {
  const button =
    "rounded bg-slate-800 px-2 py-0.5 hover:bg-slate-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-400";
  return (
    <div className="absolute bottom-2 right-2 z-10 flex items-center gap-1 text-xs" role="group" aria-label="Frames">
      <button
        type="button"
        className={button}
        onClick={() => onStep(-1)}
        title="Previous frame (PgUp or [)"
        aria-label="Previous frame"
        data-testid="frame-previous"
      >
        ‹
      </button>
      <span
        className="rounded bg-slate-900/80 px-2 py-0.5 tabular-nums"
        aria-live="polite"
        data-testid="frame-indicator"
        data-frame={frame}
        data-frames={frames}
      >
        Frame {frame} / {frames}
      </span>
      <button
        type="button"
        className={button}
        onClick={() => onStep(1)}
        title="Next frame (PgDn or ])"
        aria-label="Next frame"
        data-testid="frame-next"
      >
        ›
      </button>
    </div>
  );
}
