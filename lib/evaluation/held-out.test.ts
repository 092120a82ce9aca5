import { describe, expect, it } from "vitest";
import { heldOutBucket, isHeldOut, patientKeyOf } from "@/lib/evaluation/held-out";

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
});
