import { describe, expect, it } from "vitest";
import type { LabelDto, LabelRevisionDto, ReviewDto } from "@/lib/schemas/review";
import { entriesOfItem, historyEntries } from "./history-entries";

const mv = { id: "m1", name: "yolo", version: "2" };
const rev = (o: Partial<LabelRevisionDto>): LabelRevisionDto => ({
  labelId: "L1",
  revision: 1,
  change: "accept",
  source: "ai_accepted",
  className: "Nodule/Mass",
  box: [10, 10, 50, 50],
  rejected: false,
  rejectReason: null,
  deleted: false,
  author: { id: "u1", email: "rad@x" },
  createdAt: "2026-01-01T10:00:00.000Z",
  originFindingId: "f1",
  modelVersion: mv,
  ...o,
});
const label = (o: Partial<LabelDto>): LabelDto => ({
  id: "L1",
  instanceId: "i1",
  frame: 1,
  originFindingId: "f1",
  origin: { className: "Nodule/Mass", modelClass: "mass", confidence: 0.8, box: [10, 10, 50, 50], modelVersionId: "m1" },
  source: "ai_edited",
  className: "Nodule/Mass",
  box: [10, 10, 50, 50],
  rejected: false,
  rejectReason: null,
  deleted: false,
  revision: 1,
  createdAt: "",
  updatedAt: "",
  ...o,
});
const review = (o: Partial<ReviewDto> = {}) => ({
  id: "r1",
  reader: { id: "u1", email: "rad@x", name: "Rad" },
  startedAt: "2026-01-01T09:59:00.000Z",
  signedOffAt: null,
  status: "in_progress" as const,
  updatedAt: "2026-01-01T10:05:00.000Z",
  labels: [label({})],
  ...o,
});

describe("history entries", () => {
  it("says what each kind of change did, on which box, by whom and from which model version, newest first", () => {
    const entries = historyEntries(
      [
        rev({ change: "accept" }),
        rev({
          revision: 2,
          change: "edit",
          source: "ai_edited",
          className: "Pleural effusion",
          box: [12, 10, 50, 60],
          createdAt: "2026-01-01T10:01:00.000Z",
        }),
        rev({
          labelId: "L2",
          change: "reject",
          originFindingId: "f2",
          rejected: true,
          rejectReason: "rib",
          className: "ILD",
          createdAt: "2026-01-01T10:02:00.000Z",
        }),
        rev({
          labelId: "L3",
          change: "add",
          source: "reader_added",
          originFindingId: null,
          modelVersion: null,
          className: "Atelectasis",
          box: [1, 2, 3, 4],
          createdAt: "2026-01-01T10:03:00.000Z",
        }),
        rev({
          labelId: "L3",
          revision: 2,
          change: "delete",
          source: "reader_added",
          originFindingId: null,
          modelVersion: null,
          className: "Atelectasis",
          deleted: true,
          createdAt: "2026-01-01T10:04:00.000Z",
        }),
      ],
      review({ signedOffAt: "2026-01-01T10:05:00.000Z", status: "signed_off" }),
    );
    expect(entries.map((e) => [e.kind, e.itemKey, e.summary, e.modelVersion, e.who])).toEqual([
      ["signed_off", null, "signed off", null, "rad@x"],
      ["delete", "l:L3", "deleted Atelectasis", null, "rad@x"],
      ["add", "l:L3", "added Atelectasis at [1, 2, 3, 4]", null, "rad@x"],
      ["reject", "f:f2", "rejected ILD — reason: rib", "yolo 2", "rad@x"],
      ["edit", "f:f1", "edited class Nodule/Mass → Pleural effusion; box [10, 10, 50, 50] → [12, 10, 50, 60]", "yolo 2", "rad@x"],
      ["accept", "f:f1", "accepted Nodule/Mass", "yolo 2", "rad@x"],
      ["started", null, "started the review", null, "rad@x"],
    ]);
  });

  it("compares a first edit with the AI suggestion it came from, and filters one box's timeline", () => {
    const entries = historyEntries(
      [
        rev({ change: "edit", className: "Nodule/Mass", box: [10, 10, 40, 50] }),
        rev({ labelId: "L9", originFindingId: "f9", change: "reject" }),
      ],
      review(),
    );
    expect(entriesOfItem(entries, "f:f1").map((e) => e.summary)).toEqual(["edited box [10, 10, 50, 50] → [10, 10, 40, 50]"]);
    expect(entriesOfItem(entries, "f:f9").map((e) => e.summary)).toEqual(["rejected Nodule/Mass (no reason given)"]);
  });

  it("marks a completed annotation task and works without a review", () => {
    expect(historyEntries([], review({ status: "completed" })).map((e) => e.kind)).toEqual(["completed", "started"]);
    expect(historyEntries([rev({})], null).map((e) => e.kind)).toEqual(["accept"]);
  });
});
