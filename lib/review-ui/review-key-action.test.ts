import { describe, expect, it } from "vitest";
import type { ReviewItem } from "./review-items";
import { reviewKeyAction, type KeyContext } from "./review-key-action";

const item = (kind: "ai" | "reader"): ReviewItem => ({
  key: kind === "ai" ? "f:1" : "l:1",
  kind,
  instanceId: null,
  frame: 1,
  className: "Nodule/Mass",
  box: [1, 2, 30, 40],
  status: kind === "ai" ? "pending" : "added",
  rejectReason: null,
  deleted: false,
});
const ctx = (o: Partial<KeyContext> = {}): KeyContext => ({
  selected: null,
  hasSelection: false,
  drafting: false,
  readOnly: false,
  signable: true,
  canCompleteTask: false,
  canDownloadSr: false,
  canRunInBrowser: false,
  ...o,
});

describe("reviewKeyAction", () => {
  it("moves the selection either way, also on a locked review", () => {
    expect(reviewKeyAction("next", ctx({ readOnly: true }))).toEqual({ type: "select", direction: "next" });
    expect(reviewKeyAction("previous", ctx())).toEqual({ type: "select", direction: "previous" });
  });

  it("passes R and Esc on to the viewer when they have nothing to act on", () => {
    expect(reviewKeyAction("reject", ctx())).toEqual({ type: "pass" });
    expect(reviewKeyAction("cancel", ctx())).toEqual({ type: "pass" });
    expect(reviewKeyAction("cancel", ctx({ drafting: true }))).toEqual({ type: "cancel" });
  });

  it("acts on the selected AI suggestion, and only deletes the reader's own boxes", () => {
    const ai = item("ai");
    for (const c of ["accept", "reject", "reason", "edit", "classify"] as const)
      expect(reviewKeyAction(c, ctx({ selected: ai, hasSelection: true }))).toEqual({ type: c, item: ai });
    expect(reviewKeyAction("delete", ctx({ selected: ai }))).toEqual({ type: "pass" });
    const own = item("reader");
    expect(reviewKeyAction("delete", ctx({ selected: own }))).toEqual({ type: "delete", item: own });
    expect(reviewKeyAction("accept", ctx({ selected: own }))).toEqual({ type: "pass" });
  });

  it("sets the impression and signs off; an annotation task is completed instead", () => {
    expect(reviewKeyAction("noFinding", ctx())).toEqual({ type: "impression", impression: "no_finding" });
    expect(reviewKeyAction("abnormal", ctx())).toEqual({ type: "impression", impression: "abnormal" });
    expect(reviewKeyAction("signOff", ctx())).toEqual({ type: "signOff" });
    expect(reviewKeyAction("signOff", ctx({ signable: false, canCompleteTask: true }))).toEqual({ type: "completeTask" });
    expect(reviewKeyAction("signOff", ctx({ signable: false }))).toEqual({ type: "pass" });
  });

  it("changes nothing on a locked review", () => {
    for (const c of ["accept", "add", "signOff", "noFinding", "delete"] as const)
      expect(reviewKeyAction(c, ctx({ readOnly: true, selected: item("ai") }))).toEqual({ type: "pass" });
  });

  it("downloads the SR and runs the browser model only when there is one, even on a locked review", () => {
    expect(reviewKeyAction("downloadSr", ctx())).toEqual({ type: "pass" });
    expect(reviewKeyAction("downloadSr", ctx({ readOnly: true, canDownloadSr: true }))).toEqual({ type: "downloadSr" });
    expect(reviewKeyAction("runInBrowser", ctx())).toEqual({ type: "pass" });
    expect(reviewKeyAction("runInBrowser", ctx({ readOnly: true, canRunInBrowser: true }))).toEqual({ type: "runInBrowser" });
  });

  it("steps the display threshold either way, also on a locked review", () => {
    expect(reviewKeyAction("thresholdUp", ctx({ readOnly: true }))).toEqual({ type: "threshold", step: 1 });
    expect(reviewKeyAction("thresholdDown", ctx())).toEqual({ type: "threshold", step: -1 });
  });
});
