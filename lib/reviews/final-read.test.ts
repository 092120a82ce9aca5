import { describe, expect, it } from "vitest";
import { pickFinalRead, pickFinalReadPerStudy } from "@/lib/reviews/final-read";

const at = (iso: string) => new Date(iso);
const read = (studyId: string, purpose: string, signedOff: string | null, updated = "2026-01-01T00:00:00Z") => ({
  studyId,
  purpose,
  signedOffAt: signedOff ? at(signedOff) : null,
  updatedAt: at(updated),
});

describe("final read of a study", () => {
  it("prefers consensus, then annotation, then primary, then double read, whatever the dates", () => {
    const double = read("s", "double_read", "2026-03-01T00:00:00Z");
    const primary = read("s", "primary", "2026-02-01T00:00:00Z");
    const annotation = read("s", "annotation", null, "2026-01-15T00:00:00Z");
    const consensus = read("s", "consensus", "2026-01-10T00:00:00Z");
    expect(pickFinalRead([double, primary])).toBe(primary);
    expect(pickFinalRead([double, primary, annotation])).toBe(annotation);
    expect(pickFinalRead([double, consensus, primary, annotation])).toBe(consensus);
    expect(pickFinalRead([])).toBeUndefined();
  });

  it("takes the latest read of one purpose (sign-off time, else last save) and one read per study", () => {
    const early = read("a", "double_read", "2026-01-01T00:00:00Z");
    const late = read("a", "double_read", "2026-01-02T00:00:00Z");
    const other = read("b", "primary", null, "2026-01-05T00:00:00Z");
    expect(pickFinalRead([late, early])).toBe(late);
    expect(pickFinalReadPerStudy([early, other, late])).toEqual([late, other]);
  });
});
