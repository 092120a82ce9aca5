"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { ViewerCommand } from "@/lib/viewer/key-map";
import type { ViewerState } from "@/lib/viewer/tool-state";

interface Props {
  state: ViewerState;
  onCommand: (command: ViewerCommand) => void;
  hasPrevious: boolean;
  hasNext: boolean;
  worklistHref: string;
}

function Tool({ active, onClick, title, testId, disabled, children }: { active?: boolean; onClick: () => void; title: string; testId: string; disabled?: boolean; children: ReactNode }) {
  return (
    <button
      type="button"
      title={title}
      onClick={onClick}
      disabled={disabled}
      aria-pressed={active}
      data-testid={testId}
      className={`rounded px-2 py-1 text-xs font-medium disabled:opacity-40 ${active ? "bg-sky-700 text-white" : "bg-slate-800 text-slate-200 hover:bg-slate-700"}`}
    >
      {children}
    </button>
  );
}

export function ViewerToolbar({ state, onCommand, hasPrevious, hasNext, worklistHref }: Props) {
  const run = (command: ViewerCommand) => () => onCommand(command);
  return (
    <div className="flex flex-wrap items-center gap-1 border-b border-slate-800 px-2 py-1.5" data-testid="viewer-toolbar">
      <Link href={worklistHref} className="mr-1 text-xs text-sky-400 hover:underline" data-testid="back-to-worklist">
        ← Worklist
      </Link>
      <Tool title="Previous study (← or K)" testId="tool-previous" onClick={run({ type: "navigate", direction: "previous" })} disabled={!hasPrevious}>
        ◀ Prev
      </Tool>
      <Tool title="Next study (→ or J)" testId="tool-next" onClick={run({ type: "navigate", direction: "next" })} disabled={!hasNext}>
        Next ▶
      </Tool>
      <span className="mx-1 h-5 w-px bg-slate-700" />
      <Tool title="Window/level drag (W)" testId="tool-window" active={state.mode === "window"} onClick={run({ type: "setMode", mode: "window" })}>W/L</Tool>
      <Tool title="Zoom drag (Z)" testId="tool-zoom" active={state.mode === "zoom"} onClick={run({ type: "setMode", mode: "zoom" })}>Zoom</Tool>
      <Tool title="Pan drag (P)" testId="tool-pan" active={state.mode === "pan"} onClick={run({ type: "setMode", mode: "pan" })}>Pan</Tool>
      <Tool title="Fit (F)" testId="tool-fit" active={state.fitted} onClick={run({ type: "fit" })}>Fit</Tool>
      <Tool title="One image pixel per screen pixel (1)" testId="tool-one-to-one" onClick={run({ type: "oneToOne" })}>1:1</Tool>
      <Tool title="Invert (I)" testId="tool-invert" active={state.invert} onClick={run({ type: "invert" })}>Invert</Tool>
      <Tool title="Rotate 90° (R)" testId="tool-rotate" onClick={run({ type: "rotate" })}>Rotate</Tool>
      <Tool title="Flip horizontal (H)" testId="tool-flip-h" active={state.hflip} onClick={run({ type: "flipH" })}>Flip H</Tool>
      <Tool title="Flip vertical (V)" testId="tool-flip-v" active={state.vflip} onClick={run({ type: "flipV" })}>Flip V</Tool>
      <Tool title="Reset (0)" testId="tool-reset" onClick={run({ type: "reset" })}>Reset</Tool>
      <span className="mx-1 h-5 w-px bg-slate-700" />
      {(state.image?.presets ?? []).map((p, i) => (
        <Tool key={p.id} title={`${p.label} window (${i + 2})`} testId={`preset-${p.id}`} active={state.presetIndex === i} onClick={run({ type: "preset", index: i })}>
          {p.label}
        </Tool>
      ))}
      <span className="ml-auto" />
      <Tool title="Keyboard shortcuts (?)" testId="tool-help" active={state.helpOpen} onClick={run({ type: "toggleHelp" })}>?</Tool>
    </div>
  );
}
