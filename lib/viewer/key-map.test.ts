import { describe, expect, it } from "vitest";
import { commandForKey, KEY_BINDINGS, keyLabel } from "./key-map";

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
  ])("%s", (key, command) => {
    expect(commandForKey({ key })).toEqual(command);
  });

  it("ignores unbound keys and browser shortcuts", () => {
    expect(commandForKey({ key: "x" })).toBeNull();
    expect(commandForKey({ key: "r", ctrlKey: true })).toBeNull();
    expect(commandForKey({ key: "f", metaKey: true })).toBeNull();
    expect(commandForKey({ key: "i", altKey: true })).toBeNull();
  });

  it("binds every key once", () => {
    const keys = KEY_BINDINGS.flatMap((b) => b.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("labels keys for the help overlay", () => {
    expect(keyLabel("ArrowRight")).toBe("→");
    expect(keyLabel("i")).toBe("I");
  });
});
