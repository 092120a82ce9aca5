import { describe, expect, it } from "vitest";
import { DEFAULT_LAYOUT, layoutReducer, layoutStorageKey, parseLayout } from "./panel-layout";

describe("panel layout", () => {
  it("reads a stored layout and falls back to the default for missing or broken values", () => {
    expect(parseLayout(JSON.stringify({ tags: true, review: false, dock: "overlay" }))).toEqual({
      tags: true,
      review: false,
      dock: "overlay",
    });
    expect(parseLayout(JSON.stringify({ tags: true }))).toEqual({ ...DEFAULT_LAYOUT, tags: true });
    expect(parseLayout("{not json")).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout(JSON.stringify({ dock: "floating" }))).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout(null)).toEqual(DEFAULT_LAYOUT);
  });

  it("toggles panels, and docking opens a closed review panel", () => {
    expect(layoutReducer(DEFAULT_LAYOUT, { type: "togglePanel", panel: "tags" }).tags).toBe(!DEFAULT_LAYOUT.tags);
    const closed = { ...DEFAULT_LAYOUT, review: false, dock: "side" as const };
    expect(layoutReducer(closed, { type: "toggleDock" })).toEqual({ ...closed, review: true, dock: "overlay" });
    expect(layoutReducer({ ...closed, dock: "overlay" }, { type: "toggleDock" }).dock).toBe("side");
  });

  it("keys the storage per user", () => {
    expect(layoutStorageKey("u1")).not.toBe(layoutStorageKey("u2"));
  });
});
