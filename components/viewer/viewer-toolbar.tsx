"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { focusRing } from "@/components/ui/focus-ring";
import { MenuButton, MenuItem, MenuSeparator } from "@/components/ui/menu";
import { Tooltip } from "@/components/ui/tooltip";
import { KEY_BINDINGS, keyLabel, type ViewerCommand } from "@/lib/viewer/key-map";
import type { PanelLayout } from "@/lib/viewer/panel-layout";
import type { ViewerState } from "@/lib/viewer/tool-state";

interface Props {
  state: ViewerState;
  layout: PanelLayout;
  hasReviewPanel: boolean;
  onCommand: (command: ViewerCommand) => void;
  hasPrevious: boolean;
  hasNext: boolean;
  worklistHref: string;
  menuOpen: boolean;
  onMenuOpenChange: (open: boolean) => void;
}

/** The key(s) bound to a command in the one key map, for tooltips and menu hints. */
function keysOf(command: ViewerCommand): string {
  const b = KEY_BINDINGS.find((k) => JSON.stringify(k.command) === JSON.stringify(command));
  return b ? b.keys.map(keyLabel).join(" / ") : "";
}

function Tool({
  command,
  onCommand,
  label,
  active,
  disabled,
  testId,
  children,
}: {
  command: ViewerCommand;
  onCommand: (c: ViewerCommand) => void;
  label: string;
  active?: boolean;
  disabled?: boolean;
  testId: string;
  children: ReactNode;
}) {
  const keys = keysOf(command);
  return (
    <Tooltip content={keys ? `${label} (${keys})` : label}>
      <button
        type="button"
        onClick={() => onCommand(command)}
        disabled={disabled}
        aria-pressed={active}
        aria-label={label}
        data-testid={testId}
        className={`shrink-0 rounded px-2 py-1 text-xs font-medium disabled:opacity-40 ${focusRing} ${active ? "bg-sky-700 text-white" : "bg-slate-800 text-slate-200 hover:bg-slate-700"}`}
      >
        {children}
      </button>
    </Tooltip>
  );
}

const Sep = () => <span className="mx-1 h-5 w-px shrink-0 bg-slate-700" aria-hidden />;

/** One row: navigation, the drag tools and the frequent display actions; everything else in the "More" menu. */
export function ViewerToolbar({
  state,
  layout,
  hasReviewPanel,
  onCommand,
  hasPrevious,
  hasNext,
  worklistHref,
  menuOpen,
  onMenuOpenChange,
}: Props) {
  const t = { onCommand };
  const item = (command: ViewerCommand, label: string, testId: string, checked?: boolean) => (
    <MenuItem onSelect={() => onCommand(command)} shortcut={keysOf(command)} checked={checked} testId={testId}>
      {label}
    </MenuItem>
  );
  return (
    <div
      className="flex flex-nowrap items-center gap-1 overflow-hidden border-b border-slate-800 px-2 py-1.5"
      data-testid="viewer-toolbar"
      role="toolbar"
      aria-label="Viewer"
    >
      <Link
        href={worklistHref}
        className={`mr-1 shrink-0 rounded text-xs text-sky-400 hover:underline ${focusRing}`}
        data-testid="back-to-worklist"
      >
        ← Worklist
      </Link>
      <Tool
        {...t}
        command={{ type: "navigate", direction: "previous" }}
        label="Previous study"
        testId="tool-previous"
        disabled={!hasPrevious}
      >
        ◀ Prev
      </Tool>
      <Tool {...t} command={{ type: "navigate", direction: "next" }} label="Next study" testId="tool-next" disabled={!hasNext}>
        Next ▶
      </Tool>
      <Sep />
      <Tool
        {...t}
        command={{ type: "setMode", mode: "window" }}
        label="Window/level drag"
        testId="tool-window"
        active={state.mode === "window"}
      >
        W/L
      </Tool>
      <Tool {...t} command={{ type: "setMode", mode: "zoom" }} label="Zoom drag" testId="tool-zoom" active={state.mode === "zoom"}>
        Zoom
      </Tool>
      <Tool {...t} command={{ type: "setMode", mode: "pan" }} label="Pan drag" testId="tool-pan" active={state.mode === "pan"}>
        Pan
      </Tool>
      <Tool {...t} command={{ type: "fit" }} label="Fit to window" testId="tool-fit" active={state.fitted}>
        Fit
      </Tool>
      <Tool {...t} command={{ type: "invert" }} label="Invert" testId="tool-invert" active={state.invert}>
        Invert
      </Tool>
      <Tool {...t} command={{ type: "rotate" }} label="Rotate 90°" testId="tool-rotate">
        Rotate
      </Tool>
      <span className="ml-auto" />
      <Tool {...t} command={{ type: "togglePanel", panel: "tags" }} label="DICOM tags panel" testId="toggle-tags" active={layout.tags}>
        Tags
      </Tool>
      {hasReviewPanel && (
        <>
          <Tool
            {...t}
            command={{ type: "togglePanel", panel: "review" }}
            label="Review panel"
            testId="toggle-review"
            active={layout.review}
          >
            Panel
          </Tool>
          <Tool
            {...t}
            command={{ type: "toggleDock" }}
            label="Float the review panel over the image"
            testId="toggle-dock"
            active={layout.dock === "overlay"}
          >
            Float
          </Tool>
        </>
      )}
      <MenuButton label="More ▾" title="More tools" open={menuOpen} onOpenChange={onMenuOpenChange} testId="tool-more">
        {item({ type: "oneToOne" }, "1:1 (one image pixel per screen pixel)", "tool-one-to-one")}
        {item({ type: "flipH" }, "Flip horizontal", "tool-flip-h", state.hflip)}
        {item({ type: "flipV" }, "Flip vertical", "tool-flip-v", state.vflip)}
        {item({ type: "zoomBy", factor: 1.25 }, "Zoom in", "tool-zoom-in")}
        {item({ type: "zoomBy", factor: 0.8 }, "Zoom out", "tool-zoom-out")}
        {item({ type: "reset" }, "Reset view", "tool-reset")}
        {(state.image?.presets ?? []).length > 0 && <MenuSeparator />}
        {(state.image?.presets ?? []).map((p, i) => (
          <MenuItem
            key={p.id}
            onSelect={() => onCommand({ type: "preset", index: i })}
            shortcut={i < 4 ? String(i + 2) : undefined}
            checked={state.presetIndex === i}
            testId={`preset-${p.id}`}
          >
            {p.label} window
          </MenuItem>
        ))}
      </MenuButton>
      <Tool {...t} command={{ type: "toggleHelp" }} label="Keyboard shortcuts" testId="tool-help" active={state.helpOpen}>
        ?
      </Tool>
    </div>
  );
}
