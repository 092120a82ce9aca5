import { describe, expect, it } from "vitest";
import { EMPTY_QUEUE, enqueue, isEmpty, resolveTempIds, setImpression, takeBatch, tempIdMap, toWire, type SaveQueue } from "./save-queue";

const q = (...ops: Parameters<typeof enqueue>[1][]): SaveQueue => ops.reduce(enqueue, EMPTY_QUEUE);

describe("save queue", () => {
  it("merges consecutive edits of one box so a drag saves one edit", () => {
    const out = q(
      { op: "edit", findingId: "f1", box: [1, 1, 5, 5] },
      { op: "edit", findingId: "f1", className: "ILD" },
      { op: "edit", findingId: "f1", box: [2, 2, 9, 9] },
    );
    expect(out.ops).toEqual([{ op: "edit", findingId: "f1", box: [2, 2, 9, 9], className: "ILD" }]);
  });

  it("keeps only the last accept/reject of a finding, but keeps other boxes' operations in order", () => {
    const out = q(
      { op: "accept", findingId: "f1" },
      { op: "accept", findingId: "f2" },
      { op: "reject", findingId: "f1", reason: "artefact" },
    );
    expect(out.ops).toEqual([
      { op: "reject", findingId: "f1", reason: "artefact" },
      { op: "accept", findingId: "f2" },
    ]);
  });

  it("folds edits of an unsaved added box into its add, and a delete drops it entirely", () => {
    const added = q(
      { op: "add", tempId: "tmp-1", box: [0, 0, 10, 10], className: "Nodule/Mass" },
      { op: "edit", labelId: "tmp-1", box: [5, 5, 20, 20] },
    );
    expect(added.ops).toEqual([{ op: "add", tempId: "tmp-1", box: [5, 5, 20, 20], className: "Nodule/Mass" }]);
    expect(enqueue(added, { op: "delete", labelId: "tmp-1" }).ops).toEqual([]);
  });

  it("strips temporary ids on the wire and resolves them from the save results", () => {
    const batch = q({ op: "accept", findingId: "f1" }, { op: "add", tempId: "tmp-1", box: [0, 0, 10, 10], className: "ILD" }).ops;
    expect(toWire(batch)).toEqual([
      { op: "accept", findingId: "f1" },
      { op: "add", box: [0, 0, 10, 10], className: "ILD" },
    ]);
    const map = tempIdMap(batch, [{ labelId: "L0" }, { labelId: "L1" }]);
    expect([...map]).toEqual([["tmp-1", "L1"]]);
    const later = q({ op: "edit", labelId: "tmp-1", box: [1, 1, 9, 9] }, { op: "delete", labelId: "L7" });
    expect(resolveTempIds(later, map).ops).toEqual([
      { op: "edit", labelId: "L1", box: [1, 1, 9, 9] },
      { op: "delete", labelId: "L7" },
    ]);
  });

  it("sends the impression with the batch and drops operations on boxes whose add never saved", () => {
    const queue = setImpression(q({ op: "delete", labelId: "tmp-9" }, { op: "accept", findingId: "f1" }), "abnormal");
    expect(isEmpty(queue)).toBe(false);
    const { batch, impression, rest } = takeBatch(queue);
    expect(batch).toEqual([{ op: "accept", findingId: "f1" }]);
    expect(impression).toBe("abnormal");
    expect(isEmpty(rest)).toBe(true);
  });
});
