import { describe, expect, it } from "vitest";
import {
  bindingForKey,
  commandForKey,
  COMPARISON_BINDINGS,
  comparisonCommandForKey,
  helpSections,
  KEY_BINDINGS,
  keyLabel,
  REVIEW_BINDINGS,
  reviewCommandForKey,
} from "./key-map";

describe("commandForKey", () => {
  it.each([
    ["w", { type: "setMode", mode: "window" }],
    ["Z", { type: "setMode", mode: "zoom" }],
    ["p", { type: "setMode", mode: "pan" }],
    ["f", { type: "fit" }],
    ["1", { type: "oneToOne" }],
    ["i", { type: "invert" }],
    ["r", { type: "rotate" }],
    ["h", { type: "flipH" }],
    ["v", { type: "flipV" }],
    ["0", { type: "reset" }],
    ["2", { type: "preset", index: 0 }],
    ["5", { type: "preset", index: 3 }],
    ["ArrowRight", { type: "navigate", direction: "next" }],
    ["j", { type: "navigate", direction: "next" }],
    ["ArrowLeft", { type: "navigate", direction: "previous" }],
    ["k", { type: "navigate", direction: "previous" }],
    ["PageDown", { type: "frame", step: 1 }],
    ["]", { type: "frame", step: 1 }],
    ["PageUp", { type: "frame", step: -1 }],
    ["[", { type: "frame", step: -1 }],
    ["?", { type: "toggleHelp" }],
    ["Escape", { type: "closeHelp" }],
    ["t", { type: "togglePanel", panel: "tags" }],
    ["L", { type: "togglePanel", panel: "review" }],
    ["o", { type: "toggleDock" }],
    ["m", { type: "openMenu" }],
    [".", { type: "image", step: 1 }],
    [",", { type: "image", step: -1 }],
  ])("%s", (key, command) => {
    expect(commandForKey({ key })).toEqual(command);
  });

  it("ignores unbound keys and browser shortcuts", () => {
    expect(commandForKey({ key: "`" })).toBeNull();
    expect(reviewCommandForKey({ key: "a", ctrlKey: true })).toBeNull();
    expect(commandForKey({ key: "r", ctrlKey: true })).toBeNull();
    expect(commandForKey({ key: "f", metaKey: true })).toBeNull();
    expect(commandForKey({ key: "i", altKey: true })).toBeNull();
  });

  it("binds every key once per table; only R and Esc are shared, and the review passes them on when idle", () => {
    for (const table of [KEY_BINDINGS, REVIEW_BINDINGS]) {
      const keys = table.flatMap((b) => b.keys);
      expect(new Set(keys).size).toBe(keys.length);
    }
    const viewerKeys = new Set(KEY_BINDINGS.flatMap((b) => b.keys));
    expect(
      REVIEW_BINDINGS.flatMap((b) => b.keys)
        .filter((k) => viewerKeys.has(k))
        .sort(),
    ).toEqual(["Escape", "r"]);
  });

  it("leaves no review action without a key: the panel's actions use the digits the presets leave free", () => {
    const digits = REVIEW_BINDINGS.filter((b) => ["downloadSr", "runInBrowser", "thresholdDown", "thresholdUp"].includes(b.command));
    expect(digits.flatMap((b) => b.keys)).toEqual(["6", "7", "8", "9"]);
    for (const k of ["6", "7", "8", "9"]) expect(commandForKey({ key: k })).toBeNull();
    expect(reviewCommandForKey({ key: "7", ctrlKey: true })).toBeNull();
  });

  it("holds X to peek", () => {
    expect(bindingForKey({ key: "x" })).toMatchObject({ hold: true, command: { type: "peek", on: true } });
  });

  it.each([
    ["n", "next"],
    ["A", "accept"],
    ["r", "reject"],
    ["g", "reason"],
    ["c", "classify"],
    ["Delete", "delete"],
    ["y", "noFinding"],
    ["q", "abnormal"],
    ["s", "signOff"],
    ["Escape", "cancel"],
    ["6", "downloadSr"],
    ["7", "runInBrowser"],
    ["8", "thresholdDown"],
    ["9", "thresholdUp"],
  ])("review key %s", (key, command) => {
    expect(reviewCommandForKey({ key })).toBe(command);
  });

  it("puts every binding of the three tables into the help", () => {
    const listed = helpSections().flatMap((s) => s.rows.map((r) => r.label));
    expect(listed.sort()).toEqual([...KEY_BINDINGS, ...REVIEW_BINDINGS, ...COMPARISON_BINDINGS].map((b) => b.label).sort());
  });

  it("swaps the comparison's films with X and leaves it with Esc", () => {
    expect(comparisonCommandForKey({ key: "X" })).toBe("swap");
    expect(comparisonCommandForKey({ key: "Escape" })).toBe("close");
    expect(comparisonCommandForKey({ key: "x", ctrlKey: true })).toBeNull();
  });

  it("labels keys for the help overlay", () => {
    expect(keyLabel("ArrowRight")).toBe("→");
    expect(keyLabel("i")).toBe("I");
  });
});
