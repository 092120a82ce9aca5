import { describe, expect, it } from "vitest";
import { computeDriftBodySchema, listDriftQuerySchema } from "@/lib/schemas/drift";
import { driftComputePayloadSchema } from "./drift-job";

const current = { from: "2026-01-08T00:00:00Z", to: "2026-01-15T00:00:00Z" };

describe("drift schemas", () => {
  it("accepts a first-N or a period reference and turns timestamps into dates", () => {
    const a = computeDriftBodySchema.parse({ reference: { firstN: 200 }, current });
    expect(a.reference).toEqual({ firstN: 200 });
    expect(a.current.from).toEqual(new Date("2026-01-08T00:00:00Z"));
    const b = computeDriftBodySchema.parse({
      modelVersionId: "v1",
      reference: { from: "2026-01-01T00:00:00+01:00", to: "2026-01-02T00:00:00Z" },
      current,
    });
    expect(b.reference).toEqual({ from: new Date("2025-12-31T23:00:00Z"), to: new Date("2026-01-02T00:00:00Z") });
  });

  it("refuses reversed windows, bad N and missing windows", () => {
    expect(computeDriftBodySchema.safeParse({ reference: { firstN: 200 }, current: { from: current.to, to: current.from } }).success).toBe(
      false,
    );
    expect(computeDriftBodySchema.safeParse({ reference: { firstN: 0 }, current }).success).toBe(false);
    expect(computeDriftBodySchema.safeParse({ reference: { firstN: 2.5 }, current }).success).toBe(false);
    expect(computeDriftBodySchema.safeParse({ reference: { firstN: 200 } }).success).toBe(false);
    expect(computeDriftBodySchema.safeParse({ reference: { firstN: 200 }, current: { from: "yesterday", to: current.to } }).success).toBe(
      false,
    );
  });

  it("reads the history query, an empty feature meaning all", () => {
    expect(listDriftQuerySchema.parse({ feature: "", limit: "5" })).toEqual({ feature: undefined, limit: 5 });
    expect(listDriftQuerySchema.parse({})).toEqual({ feature: undefined, limit: 200 });
    expect(listDriftQuerySchema.safeParse({ limit: "0" }).success).toBe(false);
  });

  it("lets a periodic job enqueue an empty payload", () => {
    expect(driftComputePayloadSchema.parse({})).toEqual({});
    expect(driftComputePayloadSchema.safeParse({ currentDays: 0 }).success).toBe(false);
  });
});
