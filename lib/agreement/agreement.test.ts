import { describe, expect, it } from "vitest";
import { agreementRateOf, f1Of, perClassAgreement, totalAgreement } from "@/lib/agreement/agreement";
import { matchBoxes, type ReadBox } from "@/lib/agreement/match-boxes";

const rb = (id: string, className: string, x = 0): ReadBox => ({ id, imageId: "i", className, box: [x, 0, x + 10, 10] });

describe("agreement", () => {
  it("F1 and agreement rate by hand", () => {
    expect(f1Of({ matched: 3, onlyA: 1, onlyB: 1 })).toBeCloseTo(6 / 8);
    expect(agreementRateOf({ matched: 3, onlyA: 1, onlyB: 1 })).toBeCloseTo(3 / 5);
    expect(f1Of({ matched: 0, onlyA: 0, onlyB: 0 })).toBeNull();
    expect(f1Of({ matched: 0, onlyA: 2, onlyB: 0 })).toBe(0);
  });

  it("sums per class over studies", () => {
    // Study 1: both mark a nodule at the same place; A alone marks cardiomegaly.
    const s1 = matchBoxes([rb("a1", "Nodule/Mass"), rb("a2", "Cardiomegaly", 50)], [rb("b1", "Nodule/Mass")]);
    // Study 2: nodules in different places (no match); both mark the same effusion.
    const s2 = matchBoxes(
      [rb("a3", "Nodule/Mass"), rb("a4", "Pleural effusion", 30)],
      [rb("b2", "Nodule/Mass", 100), rb("b3", "Pleural effusion", 30)],
    );
    expect(perClassAgreement([s1, s2])).toEqual([
      { className: "Cardiomegaly", matched: 0, onlyA: 1, onlyB: 0, f1: 0, agreementRate: 0 },
      { className: "Nodule/Mass", matched: 1, onlyA: 1, onlyB: 1, f1: 0.5, agreementRate: 1 / 3 },
      { className: "Pleural effusion", matched: 1, onlyA: 0, onlyB: 0, f1: 1, agreementRate: 1 },
    ]);
    expect(totalAgreement([s1, s2])).toEqual({ matched: 2, onlyA: 2, onlyB: 1, f1: 4 / 7, agreementRate: 2 / 5 });
  });
});
