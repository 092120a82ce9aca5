import { describe, expect, it } from "vitest";
import { checkReadiness, registerReadinessCheck } from "@/lib/health/check-readiness";

describe("readiness", () => {
  it("is ready once the database answers and every migration is applied", async () => {
    const r = await checkReadiness();
    expect(r.checks.database?.ok).toBe(true);
    expect(r.checks.migrations).toMatchObject({ ok: true });
    expect(r.ready).toBe(true);
  });

  it("is not ready while a registered check fails", async () => {
    registerReadinessCheck("model", async () => ({ ok: false, detail: "no model" }));
    const r = await checkReadiness();
    expect(r.ready).toBe(false);
    expect(r.checks.model).toEqual({ ok: false, detail: "no model" });
    registerReadinessCheck("model", async () => ({ ok: true }));
  });
});
