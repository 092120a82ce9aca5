import { describe, expect, it } from "vitest";
import { aggregatePerformance, toPoint, type ReviewVerdicts } from "@/lib/performance/aggregate-performance";
import { decideCanary } from "@/lib/performance/canary-rule";
import { canaryRuleSchema } from "@/lib/schemas/model";

const review = (versionId: string, day: string, perClass: ReviewVerdicts["perClass"], images = 1): ReviewVerdicts => ({
  versionId,
  day,
  images,
  perClass,
});

describe("aggregatePerformance", () => {
  const rows = [
    review("v1", "2026-11-02", { "Nodule/Mass": { shown: 4, accepted: 3, rejected: 1, added: 0 } }),
    review(
      "v1",
      "2026-11-01",
      { "Nodule/Mass": { shown: 2, accepted: 0, rejected: 2, added: 1 }, Cardiomegaly: { shown: 0, accepted: 0, rejected: 0, added: 1 } },
      2,
    ),
    review("v2", "2026-11-01", { "Nodule/Mass": { shown: 0, accepted: 0, rejected: 0, added: 0 } }),
  ];
  const [v1, v2] = aggregatePerformance(rows);

  it("sums per version, per day (in order) and per class", () => {
    expect(v1!.total).toMatchObject({
      studies: 2,
      images: 3,
      shown: 6,
      accepted: 3,
      rejected: 3,
      added: 2,
      acceptanceRate: 0.5,
      rejectedPerImage: 1,
      addedPerImage: 2 / 3,
    });
    expect(v1!.byDay.map((d) => [d.day, d.acceptanceRate])).toEqual([
      ["2026-11-01", 0],
      ["2026-11-02", 0.75],
    ]);
    expect(v1!.byClass.Cardiomegaly).toMatchObject({ shown: 0, added: 1, acceptanceRate: null, studies: 1 });
    expect(v1!.byClass["Nodule/Mass"]).toMatchObject({ shown: 6, accepted: 3, studies: 2 });
  });

  it("reports no rate when nothing was shown", () => {
    expect(v2!.total).toMatchObject({ studies: 1, acceptanceRate: null, rejectedPerImage: 0 });
    expect(aggregatePerformance([])).toEqual([]);
  });
});

describe("decideCanary", () => {
  const rule = canaryRuleSchema.parse({ maxAcceptanceDrop: 0.1, minReviewedStudies: 5 });
  const point = (studies: number, shown: number, accepted: number) =>
    toPoint({ studies, images: studies, shown, accepted, rejected: shown - accepted, added: 0 });

  it("rolls back when the canary's acceptance is lower by more than X over N studies, with the numbers", () => {
    const d = decideCanary(rule, point(5, 10, 5), point(6, 10, 8));
    expect(d.rollback).toBe(true);
    expect(d.reason).toMatch(
      /50\.0 % on the canary vs 80\.0 % on production \(drop 30\.0 %, limit 10\.0 %\) over 5 canary \/ 6 production/,
    );
  });

  it("waits for N studies on both sides, tolerates drops within X, and does nothing when off", () => {
    expect(decideCanary(rule, point(4, 10, 0), point(9, 10, 10)).rollback).toBe(false);
    expect(decideCanary(rule, point(9, 10, 0), point(4, 10, 10)).reason).toMatch(/waiting/);
    expect(decideCanary(rule, point(5, 10, 7), point(5, 10, 8)).rollback).toBe(false); // drop 0.1 is not more than 0.1
    expect(decideCanary(rule, point(5, 0, 0), point(5, 10, 8)).rollback).toBe(false);
    expect(decideCanary({ ...rule, enabled: false }, point(9, 10, 0), point(9, 10, 10))).toEqual({
      rollback: false,
      reason: "the canary rule is off",
    });
  });
});

describe("seriesByDay", () => {
  it("puts each version in its own column, days in order", async () => {
    const { seriesByDay } = await import("@/lib/performance/performance-views");
    const [v1, v2] = aggregatePerformance([
      review("a", "2026-11-02", { X: { shown: 2, accepted: 1, rejected: 1, added: 0 } }),
      review("a", "2026-11-01", { X: { shown: 1, accepted: 1, rejected: 0, added: 0 } }),
      review("b", "2026-11-02", { X: { shown: 4, accepted: 1, rejected: 3, added: 2 } }),
    ]);
    const rows = seriesByDay(
      [
        { ...v1!, name: "m", version: "1" },
        { ...v2!, name: "m", version: "2" },
      ],
      "acceptanceRate",
    );
    expect(rows).toEqual([
      { day: "2026-11-01", a: 1 },
      { day: "2026-11-02", a: 0.5, b: 0.25 },
    ]);
  });
});
