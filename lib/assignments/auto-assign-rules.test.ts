import { describe, expect, it } from "vitest";
import type { ReadBox } from "@/lib/agreement/match-boxes";
import { annotationReason, spreadTasks, type SignedRead } from "@/lib/assignments/auto-assign-rules";

const box = (id: string, x: number, className = "Nodule/Mass"): ReadBox => ({ id, imageId: "i", className, box: [x, 0, x + 10, 10] });
const read = (boxes: ReadBox[], o: Partial<SignedRead> = {}): SignedRead => ({
  impression: boxes.length ? "abnormal" : "no_finding",
  boxes,
  rejected: 0,
  added: 0,
  ...o,
});

describe("annotationReason", () => {
  it("flags reader disagreement on boxes or impression before anything else", () => {
    expect(annotationReason({ reads: [read([box("a", 0)]), read([box("b", 50)])], minFindingConfidence: 0.1 }, 0.4)).toBe("disagreement");
    expect(annotationReason({ reads: [read([box("a", 0)]), read([box("b", 0, "Cardiomegaly")])], minFindingConfidence: null }, 0.4)).toBe(
      "disagreement",
    );
    expect(annotationReason({ reads: [read([]), read([], { impression: "abnormal" })], minFindingConfidence: null }, 0.4)).toBe(
      "disagreement",
    );
  });

  it("two agreeing reads are no disagreement; then rejected or added boxes, then low AI confidence", () => {
    const agree = [read([box("a", 0)]), read([box("b", 1)])];
    expect(annotationReason({ reads: agree, minFindingConfidence: 0.9 }, 0.4)).toBeNull();
    expect(annotationReason({ reads: [read([box("a", 0)], { rejected: 1 })], minFindingConfidence: 0.1 }, 0.4)).toBe("rejected_or_added");
    expect(annotationReason({ reads: [read([box("a", 0)], { added: 1 })], minFindingConfidence: null }, 0.4)).toBe("rejected_or_added");
    expect(annotationReason({ reads: agree, minFindingConfidence: 0.39 }, 0.4)).toBe("low_confidence");
    expect(annotationReason({ reads: agree, minFindingConfidence: 0.4 }, 0.4)).toBeNull();
    expect(annotationReason({ reads: [read([])], minFindingConfidence: null }, 0.4)).toBeNull();
  });
});

describe("spreadTasks", () => {
  it("gives each study to the least-loaded annotator, counting the new tasks", () => {
    const out = spreadTasks(
      ["s1", "s2", "s3", "s4"],
      [
        { id: "busy", open: 2 },
        { id: "free", open: 0 },
        { id: "idle", open: 0 },
      ],
    );
    expect(out).toEqual([
      { studyId: "s1", assigneeId: "free" },
      { studyId: "s2", assigneeId: "idle" },
      { studyId: "s3", assigneeId: "free" },
      { studyId: "s4", assigneeId: "idle" },
    ]);
    expect(spreadTasks(["s1"], [])).toEqual([]);
  });
});
