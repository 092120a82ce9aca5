import { describe, expect, it } from "vitest";
import { heldOutBucket, isHeldOut, isStudyHeldOut, partitionHeldOut, patientKeyOf } from "@/lib/evaluation/held-out";

describe("patient-level held-out selection", () => {
  it("is deterministic and holds out about the fraction of patients", () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `patient:P${i}`);
    const share = keys.filter((k) => isHeldOut(k, 0.2)).length / keys.length;
    expect(share).toBeGreaterThan(0.18);
    expect(share).toBeLessThan(0.22);
    expect(keys.map(heldOutBucket)).toEqual(keys.map(heldOutBucket));
  });

  it("keeps all studies of one patient on the same side and falls back to the study without a patient id", () => {
    expect(patientKeyOf({ patientId: " P1 ", pseudonym: "a" })).toBe(patientKeyOf({ patientId: "P1", pseudonym: "b" }));
    expect(patientKeyOf({ patientId: null, pseudonym: "a" })).not.toBe(patientKeyOf({ patientId: null, pseudonym: "b" }));
    expect(isHeldOut("x", 0)).toBe(false);
    expect(isHeldOut("x", 1)).toBe(true);
  });

  it("partitions studies for exports by the same rule the evaluation set uses, all studies of a patient together", () => {
    const studies = Array.from({ length: 300 }, (_, i) => ({
      id: `s${i}`,
      patientId: i % 3 === 0 ? null : `P${i % 100}`,
      pseudonym: `X${i}`,
    }));
    const { kept, heldOut } = partitionHeldOut(studies, 0.2);
    expect(kept.length + heldOut.length).toBe(studies.length);
    expect(heldOut.length).toBeGreaterThan(0);
    expect(kept.length).toBeGreaterThan(0);
    for (const s of heldOut) expect(isHeldOut(patientKeyOf(s), 0.2)).toBe(true);
    for (const s of kept) expect(isStudyHeldOut(s, 0.2)).toBe(false);
    const keptPatients = new Set(kept.filter((s) => s.patientId).map((s) => s.patientId));
    expect(heldOut.filter((s) => s.patientId && keptPatients.has(s.patientId))).toEqual([]);
    expect(partitionHeldOut(studies, 0).heldOut).toEqual([]);
    expect(partitionHeldOut(studies, 1).kept).toEqual([]);
  });
});
