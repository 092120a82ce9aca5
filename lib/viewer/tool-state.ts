import type { Voi, WindowPreset } from "./presets";

// Viewer tool state as a pure reducer; the viewport component mirrors it onto cornerstone's viewport.
export type DragMode = "window" | "zoom" | "pan";
export type Rotation = 0 | 90 | 180 | 270;

export interface ViewerState {
  mode: DragMode;
  voi: Voi | null;
  /** Index into presets of the active preset, null after a manual W/L change. */
  presetIndex: number | null;
  /** User inversion on top of the image's own (MONOCHROME1 is already shown air-dark by the loader). */
  invert: boolean;
  rotation: Rotation;
  hflip: boolean;
  vflip: boolean;
  scale: number;
  translation: { x: number; y: number };
  /** Scale follows the canvas size until the user zooms. */
  fitted: boolean;
  helpOpen: boolean;
  image: { columns: number; rows: number; presets: WindowPreset[] } | null;
  canvas: { width: number; height: number } | null;
}

export type ToolAction =
  /** refine: the same image at full resolution after a preview pass, so the user's changes are kept. */
  | { type: "imageLoaded"; columns: number; rows: number; presets: WindowPreset[]; refine?: boolean }
  | { type: "resize"; width: number; height: number }
  | { type: "setMode"; mode: DragMode }
  | { type: "drag"; dx: number; dy: number; mode?: DragMode }
  | { type: "zoomBy"; factor: number }
  | { type: "fit" }
  | { type: "oneToOne" }
  | { type: "invert" }
  | { type: "rotate" }
  | { type: "flipH" }
  | { type: "flipV" }
  | { type: "reset" }
  | { type: "preset"; index: number }
  | { type: "toggleHelp" }
  | { type: "closeHelp" };

export const initialViewerState: ViewerState = {
  mode: "window",
  voi: null,
  presetIndex: null,
  invert: false,
  rotation: 0,
  hflip: false,
  vflip: false,
  scale: 1,
  translation: { x: 0, y: 0 },
  fitted: true,
  helpOpen: false,
  image: null,
  canvas: null,
};

const MIN_SCALE = 0.05;
const MAX_SCALE = 40;
const clampScale = (s: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));

/** Scale at which the (rotated) image fits inside the canvas. */
export function fitScale(image: { columns: number; rows: number }, canvas: { width: number; height: number }, rotation: Rotation): number {
  const sideways = rotation === 90 || rotation === 270;
  const w = sideways ? image.rows : image.columns;
  const h = sideways ? image.columns : image.rows;
  if (w <= 0 || h <= 0 || canvas.width <= 0 || canvas.height <= 0) return 1;
  return Math.min(canvas.width / w, canvas.height / h);
}

function fitted(state: ViewerState): ViewerState {
  const scale = state.image && state.canvas ? fitScale(state.image, state.canvas, state.rotation) : state.scale;
  return { ...state, scale, translation: { x: 0, y: 0 }, fitted: true };
}

/** W/L drag sensitivity: a full drag across ~500 px sweeps the default window's width. */
function windowStep(state: ViewerState): number {
  return Math.max((state.image?.presets[0]?.width ?? 500) / 500, 1e-3);
}

function drag(state: ViewerState, dx: number, dy: number, mode: DragMode): ViewerState {
  if (mode === "pan") {
    const { x, y } = state.translation;
    return { ...state, translation: { x: x + dx / state.scale, y: y + dy / state.scale } };
  }
  if (mode === "zoom") return { ...state, scale: clampScale(state.scale * Math.exp(-dy * 0.01)), fitted: false };
  if (!state.voi) return state;
  const k = windowStep(state);
  // Right = wider window (less contrast), down = higher centre (darker), as in most PACS viewers.
  const voi = { center: state.voi.center + dy * k, width: Math.max(1, state.voi.width + dx * k) };
  return { ...state, voi, presetIndex: null };
}

export function viewerReducer(state: ViewerState, action: ToolAction): ViewerState {
  switch (action.type) {
    case "imageLoaded": {
      const first = action.presets[0] ?? null;
      const image = { columns: action.columns, rows: action.rows, presets: action.presets };
      if (action.refine && state.image) {
        const p = state.presetIndex === null ? undefined : action.presets[state.presetIndex];
        return { ...state, image, voi: p ? { center: p.center, width: p.width } : state.voi };
      }
      return fitted({
        ...initialViewerState,
        mode: state.mode,
        canvas: state.canvas,
        image,
        voi: first && { center: first.center, width: first.width },
        presetIndex: first ? 0 : null,
      });
    }
    case "resize": {
      const next = { ...state, canvas: { width: action.width, height: action.height } };
      return state.fitted ? fitted(next) : next;
    }
    case "setMode":
      return { ...state, mode: action.mode };
    case "drag":
      return drag(state, action.dx, action.dy, action.mode ?? state.mode);
    case "zoomBy":
      return { ...state, scale: clampScale(state.scale * action.factor), fitted: false };
    case "fit":
      return fitted(state);
    case "oneToOne":
      return { ...state, scale: 1, translation: { x: 0, y: 0 }, fitted: false };
    case "invert":
      return { ...state, invert: !state.invert };
    case "rotate": {
      const next = { ...state, rotation: ((state.rotation + 90) % 360) as Rotation };
      return state.fitted ? fitted(next) : next;
    }
    case "flipH":
      return { ...state, hflip: !state.hflip };
    case "flipV":
      return { ...state, vflip: !state.vflip };
    case "reset": {
      if (!state.image) return { ...initialViewerState, canvas: state.canvas };
      const { columns, rows, presets } = state.image;
      return viewerReducer(
        { ...initialViewerState, canvas: state.canvas, mode: state.mode },
        { type: "imageLoaded", columns, rows, presets },
      );
    }
    case "preset": {
      const p = state.image?.presets[action.index];
      return p ? { ...state, voi: { center: p.center, width: p.width }, presetIndex: action.index } : state;
    }
    case "toggleHelp":
      return { ...state, helpOpen: !state.helpOpen };
    case "closeHelp":
      return { ...state, helpOpen: false };
  }
}
