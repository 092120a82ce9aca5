import type { ToolAction } from "./tool-state";

// Keyboard shortcuts: this one table drives the viewer's and the review's key handlers and the help overlay, so the help
// can never list less than the keys do.
export type LayoutCommand =
  { type: "togglePanel"; panel: "tags" | "review" } | { type: "toggleDock" } | { type: "peek"; on: boolean } | { type: "openMenu" };
export type ViewerCommand =
  | ToolAction
  | LayoutCommand
  | { type: "navigate"; direction: "next" | "previous" }
  | { type: "frame"; step: 1 | -1 }
  | { type: "image"; step: 1 | -1 };

export type ReviewCommand =
  | "next"
  | "previous"
  | "accept"
  | "reject"
  | "edit"
  | "classify"
  | "reason"
  | "delete"
  | "add"
  | "noFinding"
  | "abnormal"
  | "signOff"
  | "cancel"
  | "downloadSr"
  | "runInBrowser"
  | "thresholdDown"
  | "thresholdUp";

export type KeyGroup = "Review" | "Compare" | "Study" | "Image" | "Layout" | "Help";

export interface KeyBinding {
  keys: string[];
  label: string;
  group: KeyGroup;
  command: ViewerCommand;
  /** Held keys: the command runs with on=true on press and on=false on release. */
  hold?: boolean;
}

export interface ReviewBinding {
  keys: string[];
  label: string;
  command: ReviewCommand;
}

export const KEY_BINDINGS: KeyBinding[] = [
  { keys: ["w"], label: "Window/level drag (left mouse)", group: "Image", command: { type: "setMode", mode: "window" } },
  { keys: ["z"], label: "Zoom drag", group: "Image", command: { type: "setMode", mode: "zoom" } },
  { keys: ["p"], label: "Pan drag", group: "Image", command: { type: "setMode", mode: "pan" } },
  { keys: ["f"], label: "Fit to window", group: "Image", command: { type: "fit" } },
  { keys: ["1"], label: "1:1 (one image pixel per screen pixel)", group: "Image", command: { type: "oneToOne" } },
  { keys: ["i"], label: "Invert", group: "Image", command: { type: "invert" } },
  { keys: ["r"], label: "Rotate 90° clockwise (with no box selected)", group: "Image", command: { type: "rotate" } },
  { keys: ["h"], label: "Flip horizontal", group: "Image", command: { type: "flipH" } },
  { keys: ["v"], label: "Flip vertical", group: "Image", command: { type: "flipV" } },
  { keys: ["0"], label: "Reset view", group: "Image", command: { type: "reset" } },
  { keys: ["2"], label: "Preset: DICOM window", group: "Image", command: { type: "preset", index: 0 } },
  { keys: ["3"], label: "Preset: lung", group: "Image", command: { type: "preset", index: 1 } },
  { keys: ["4"], label: "Preset: mediastinum", group: "Image", command: { type: "preset", index: 2 } },
  { keys: ["5"], label: "Preset: bone", group: "Image", command: { type: "preset", index: 3 } },
  { keys: ["+", "="], label: "Zoom in", group: "Image", command: { type: "zoomBy", factor: 1.25 } },
  { keys: ["-"], label: "Zoom out", group: "Image", command: { type: "zoomBy", factor: 0.8 } },
  { keys: ["x"], label: "Hold to hide all boxes (peek at the film)", group: "Image", command: { type: "peek", on: true }, hold: true },
  { keys: ["ArrowRight", "j"], label: "Next study in the worklist", group: "Study", command: { type: "navigate", direction: "next" } },
  {
    keys: ["ArrowLeft", "k"],
    label: "Previous study in the worklist",
    group: "Study",
    command: { type: "navigate", direction: "previous" },
  },
  { keys: ["PageDown", "]"], label: "Next frame of a multi-frame image", group: "Study", command: { type: "frame", step: 1 } },
  { keys: ["PageUp", "["], label: "Previous frame of a multi-frame image", group: "Study", command: { type: "frame", step: -1 } },
  { keys: ["."], label: "Next image of a study with several", group: "Study", command: { type: "image", step: 1 } },
  { keys: [","], label: "Previous image of a study with several", group: "Study", command: { type: "image", step: -1 } },
  { keys: ["t"], label: "Show / hide the DICOM tags panel", group: "Layout", command: { type: "togglePanel", panel: "tags" } },
  { keys: ["l"], label: "Show / hide the review panel", group: "Layout", command: { type: "togglePanel", panel: "review" } },
  { keys: ["o"], label: "Review panel: dock beside the image / float over it", group: "Layout", command: { type: "toggleDock" } },
  { keys: ["m"], label: "More tools (menu)", group: "Layout", command: { type: "openMenu" } },
  { keys: ["?"], label: "Show / hide this help", group: "Help", command: { type: "toggleHelp" } },
  { keys: ["Escape"], label: "Close help or a dialog; leave a text field", group: "Help", command: { type: "closeHelp" } },
];

// The review's keys run before the viewer's (capture phase); R and Esc fall through to the viewer when they do nothing.
export const REVIEW_BINDINGS: ReviewBinding[] = [
  { keys: ["n"], label: "Select the next box", command: "next" },
  { keys: ["u"], label: "Select the previous box", command: "previous" },
  { keys: ["a"], label: "Accept the selected AI suggestion", command: "accept" },
  { keys: ["r"], label: "Reject the selected AI suggestion", command: "reject" },
  { keys: ["g"], label: "Give a reason for the rejection (Enter saves, Esc leaves)", command: "reason" },
  { keys: ["e"], label: "Edit the selected box: drag to move, corners to resize", command: "edit" },
  { keys: ["c"], label: "Change the selected box's class (Enter or Esc returns to the image)", command: "classify" },
  { keys: ["d", "Delete"], label: "Delete a box you added", command: "delete" },
  { keys: ["b"], label: "Add a box: drag on the image", command: "add" },
  { keys: ["y"], label: "Impression: no finding", command: "noFinding" },
  { keys: ["q"], label: "Impression: abnormal", command: "abnormal" },
  { keys: ["s"], label: "Sign off (annotation: complete the task)…", command: "signOff" },
  { keys: ["Escape"], label: "Cancel drawing / editing, deselect", command: "cancel" },
  // The letters are all taken: the panel's remaining actions sit on the digits after the presets (2–5).
  { keys: ["6"], label: "Download the signed-off findings as a DICOM SR", command: "downloadSr" },
  { keys: ["7"], label: "Run the model in the browser (for comparison only)", command: "runInBrowser" },
  { keys: ["8"], label: "Show more AI suggestions: confidence threshold −5 %", command: "thresholdDown" },
  { keys: ["9"], label: "Show fewer AI suggestions: confidence threshold +5 %", command: "thresholdUp" },
];

// Keys of the current | prior comparison (its own view: X there swaps the films instead of peeking).
export const COMPARISON_BINDINGS: { keys: string[]; label: string; command: "swap" | "close" }[] = [
  { keys: ["x"], label: "Comparison with a prior: swap the current and prior films", command: "swap" },
  { keys: ["Escape"], label: "Comparison with a prior: back to the single film", command: "close" },
];

const normalise = (key: string) => (key.length === 1 ? key.toLowerCase() : key);
const VIEWER_BY_KEY = new Map(KEY_BINDINGS.flatMap((b) => b.keys.map((k) => [k, b] as const)));
const REVIEW_BY_KEY = new Map(REVIEW_BINDINGS.flatMap((b) => b.keys.map((k) => [k, b.command] as const)));

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** The viewer binding for a key press, or null (browser/OS shortcuts with Ctrl, Cmd or Alt are left alone). */
export function bindingForKey(e: KeyInput): KeyBinding | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  return VIEWER_BY_KEY.get(normalise(e.key)) ?? null;
}

/** The viewer command for a key press, or null. */
export function commandForKey(e: KeyInput): ViewerCommand | null {
  return bindingForKey(e)?.command ?? null;
}

/** The comparison command for a key press, or null. */
export function comparisonCommandForKey(e: KeyInput): "swap" | "close" | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  return COMPARISON_BINDINGS.find((b) => b.keys.includes(normalise(e.key)))?.command ?? null;
}

/** The review command for a key press, or null. */
export function reviewCommandForKey(e: KeyInput): ReviewCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  return REVIEW_BY_KEY.get(normalise(e.key)) ?? null;
}

export interface HelpSection {
  title: KeyGroup;
  rows: { keys: string[]; label: string }[];
}

/** The help overlay's content: every binding of both tables, review first (what a reader does most). */
export function helpSections(): HelpSection[] {
  const groups: KeyGroup[] = ["Study", "Image", "Layout", "Help"];
  return [
    { title: "Review", rows: REVIEW_BINDINGS.map(({ keys, label }) => ({ keys, label })) },
    { title: "Compare", rows: COMPARISON_BINDINGS.map(({ keys, label }) => ({ keys, label })) },
    ...groups.map((g) => ({ title: g, rows: KEY_BINDINGS.filter((b) => b.group === g).map(({ keys, label }) => ({ keys, label })) })),
  ];
}

/** Human-readable key names for the help overlay and tooltips. */
export function keyLabel(key: string): string {
  return { ArrowRight: "→", ArrowLeft: "←", Escape: "Esc", PageDown: "PgDn", PageUp: "PgUp", Delete: "Del" }[key] ?? key.toUpperCase();
}
