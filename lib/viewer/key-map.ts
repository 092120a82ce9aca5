import type { ToolAction } from "./tool-state";

// Keyboard shortcuts: one table drives both the key handler and the help overlay.
export type ViewerCommand = ToolAction | { type: "navigate"; direction: "next" | "previous" } | { type: "frame"; step: 1 | -1 };

export interface KeyBinding {
  keys: string[];
  label: string;
  command: ViewerCommand;
}

export const KEY_BINDINGS: KeyBinding[] = [
  { keys: ["w"], label: "Window/level drag (left mouse)", command: { type: "setMode", mode: "window" } },
  { keys: ["z"], label: "Zoom drag", command: { type: "setMode", mode: "zoom" } },
  { keys: ["p"], label: "Pan drag", command: { type: "setMode", mode: "pan" } },
  { keys: ["f"], label: "Fit to window", command: { type: "fit" } },
  { keys: ["1"], label: "1:1 (one image pixel per screen pixel)", command: { type: "oneToOne" } },
  { keys: ["i"], label: "Invert", command: { type: "invert" } },
  { keys: ["r"], label: "Rotate 90° clockwise", command: { type: "rotate" } },
  { keys: ["h"], label: "Flip horizontal", command: { type: "flipH" } },
  { keys: ["v"], label: "Flip vertical", command: { type: "flipV" } },
  { keys: ["0"], label: "Reset view", command: { type: "reset" } },
  { keys: ["2"], label: "Preset: DICOM window", command: { type: "preset", index: 0 } },
  { keys: ["3"], label: "Preset: lung", command: { type: "preset", index: 1 } },
  { keys: ["4"], label: "Preset: mediastinum", command: { type: "preset", index: 2 } },
  { keys: ["5"], label: "Preset: bone", command: { type: "preset", index: 3 } },
  { keys: ["+", "="], label: "Zoom in", command: { type: "zoomBy", factor: 1.25 } },
  { keys: ["-"], label: "Zoom out", command: { type: "zoomBy", factor: 0.8 } },
  { keys: ["ArrowRight", "j"], label: "Next study in the worklist", command: { type: "navigate", direction: "next" } },
  { keys: ["ArrowLeft", "k"], label: "Previous study in the worklist", command: { type: "navigate", direction: "previous" } },
  { keys: ["PageDown", "]"], label: "Next frame of a multi-frame image", command: { type: "frame", step: 1 } },
  { keys: ["PageUp", "["], label: "Previous frame of a multi-frame image", command: { type: "frame", step: -1 } },
  { keys: ["?"], label: "Show / hide this help", command: { type: "toggleHelp" } },
  { keys: ["Escape"], label: "Close help", command: { type: "closeHelp" } },
];

const BY_KEY = new Map(KEY_BINDINGS.flatMap((b) => b.keys.map((k) => [k, b.command] as const)));

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** The command for a key press, or null (browser/OS shortcuts with Ctrl, Cmd or Alt are left alone). */
export function commandForKey(e: KeyInput): ViewerCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return BY_KEY.get(key) ?? null;
}

/** Human-readable key names for the help overlay. */
export function keyLabel(key: string): string {
  return { ArrowRight: "→", ArrowLeft: "←", Escape: "Esc", PageDown: "PgDn", PageUp: "PgUp" }[key] ?? key.toUpperCase();
}
