import { describe, expect, it } from "vitest";
import { chestPresets } from "./presets";
import { fitScale, initialViewerState, viewerReducer, type ToolAction, type ViewerState } from "./tool-state";

const presets = chestPresets({ fileWindow: { center: 2000, width: 1000 }, range: { low: 0, high: 4095 }, airIsHigh: false });
const run = (...actions: ToolAction[]): ViewerState => actions.reduce(viewerReducer, initialViewerState);
const loaded = (...more: ToolAction[]) =>
  run({ type: "resize", width: 800, height: 600 }, { type: "imageLoaded", columns: 2000, rows: 1000, presets }, ...more);

describe("viewerReducer", () => {
  it("fits the image and applies the first preset on load", () => {
    const s = loaded();
    expect(s.scale).toBe(0.4);
    expect(s.voi).toEqual({ center: 2000, width: 1000 });
    expect(s.presetIndex).toBe(0);
    expect(s.fitted).toBe(true);
  });

  it("window/level drag: right widens, down raises the centre, and leaves the preset", () => {
    const s = loaded({ type: "drag", dx: 100, dy: 50 });
    expect(s.voi).toEqual({ center: 2100, width: 1200 });
    expect(s.presetIndex).toBeNull();
    expect(loaded({ type: "drag", dx: -10_000, dy: 0 }).voi!.width).toBe(1);
  });

  it("zoom and pan drags", () => {
    const zoomed = loaded({ type: "setMode", mode: "zoom" }, { type: "drag", dx: 0, dy: -100 });
    expect(zoomed.scale).toBeCloseTo(0.4 * Math.E);
    expect(zoomed.fitted).toBe(false);
    const panned = loaded({ type: "setMode", mode: "pan" }, { type: "drag", dx: 40, dy: -20 });
    expect(panned.translation).toEqual({ x: 100, y: -50 });
    expect(loaded({ type: "drag", dx: 40, dy: 0, mode: "pan" }).translation.x).toBe(100);
  });

  it("fit, 1:1 and zoomBy", () => {
    const s = loaded({ type: "oneToOne" });
    expect(s.scale).toBe(1);
    expect(viewerReducer(s, { type: "fit" }).scale).toBe(0.4);
    expect(viewerReducer(s, { type: "zoomBy", factor: 2 }).scale).toBe(2);
    expect(viewerReducer(s, { type: "zoomBy", factor: 1e6 }).scale).toBe(40);
  });

  it("refits on resize only while fitted", () => {
    expect(loaded({ type: "resize", width: 400, height: 600 }).scale).toBe(0.2);
    expect(loaded({ type: "oneToOne" }, { type: "resize", width: 400, height: 600 }).scale).toBe(1);
  });

  it("rotates in 90° steps and refits the sideways image", () => {
    const s = loaded({ type: "rotate" });
    expect(s.rotation).toBe(90);
    expect(s.scale).toBe(0.3); // 1000 wide × 2000 high in 800×600
    expect(loaded({ type: "rotate" }, { type: "rotate" }, { type: "rotate" }, { type: "rotate" }).rotation).toBe(0);
  });

  it("invert and flips toggle", () => {
    const s = loaded({ type: "invert" }, { type: "flipH" }, { type: "flipV" }, { type: "flipV" });
    expect([s.invert, s.hflip, s.vflip]).toEqual([true, true, false]);
  });

  it("presets by index; unknown index is ignored", () => {
    const s = loaded({ type: "preset", index: 1 });
    expect(s.voi).toEqual({ center: presets[1]!.center, width: presets[1]!.width });
    expect(s.presetIndex).toBe(1);
    expect(viewerReducer(s, { type: "preset", index: 9 })).toBe(s);
  });

  it("reset restores the loaded view but keeps the drag mode", () => {
    const s = loaded(
      { type: "setMode", mode: "pan" },
      { type: "invert" },
      { type: "rotate" },
      { type: "drag", dx: 5, dy: 5 },
      { type: "preset", index: 2 },
      { type: "reset" },
    );
    expect(s).toMatchObject({ mode: "pan", invert: false, rotation: 0, scale: 0.4, translation: { x: 0, y: 0 }, presetIndex: 0 });
  });

  it("a refined (full-resolution) image keeps the user's view; a new image resets it", () => {
    const changed = loaded({ type: "invert" }, { type: "preset", index: 3 });
    const refined = viewerReducer(changed, { type: "imageLoaded", columns: 2000, rows: 1000, presets, refine: true });
    expect(refined).toMatchObject({ invert: true, presetIndex: 3 });
    const next = viewerReducer(changed, { type: "imageLoaded", columns: 2000, rows: 1000, presets });
    expect(next).toMatchObject({ invert: false, presetIndex: 0 });
  });

  it("help overlay toggles and closes", () => {
    expect(loaded({ type: "toggleHelp" }).helpOpen).toBe(true);
    expect(loaded({ type: "toggleHelp" }, { type: "closeHelp" }).helpOpen).toBe(false);
  });

  it("drag without an image is a no-op for W/L", () => {
    expect(run({ type: "drag", dx: 10, dy: 10 }).voi).toBeNull();
  });
});

describe("fitScale", () => {
  it("guards against empty sizes", () => {
    expect(fitScale({ columns: 0, rows: 10 }, { width: 100, height: 100 }, 0)).toBe(1);
  });
});
