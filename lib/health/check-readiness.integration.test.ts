import { describe, expect, it } from "vitest";
import { checkReadiness, registerReadinessCheck } from "@/lib/health/check-readiness";
import { registerBackendReadinessChecks } from "@/lib/server/readiness-checks";

describe("readiness", () => {
  it("is ready once the database answers and every migration is applied", async () => {
    const r = await checkReadiness();
    expect(r.checks.database?.ok).toBe(true);
    expect(r.checks.migrations).toMatchObject({ ok: true });
    expect(r.ready).toBe(true);
    expect(r.down).toEqual([]);
  });

  it("is not ready while a registered check fails, and names it", async () => {
    registerReadinessCheck("model", async () => ({ ok: false, detail: "no model" }));
    const r = await checkReadiness();
    expect(r.ready).toBe(false);
    expect(r.checks.model).toEqual({ ok: false, detail: "no model" });
    expect(r.down).toEqual(["model"]);
    registerReadinessCheck("model", async () => ({ ok: true }));
  });

  it("a hung backend cannot hang the probe: it is down after the timeout, the others still answer", async () => {
    registerReadinessCheck("hung", () => new Promise(() => undefined));
    registerReadinessCheck("broken", async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:9\nstack…");
    });
    const t0 = Date.now();
    const r = await checkReadiness(300);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(r.checks.hung).toEqual({ ok: false, detail: "no answer within 300 ms" });
    expect(r.checks.broken).toEqual({ ok: false, detail: "connect ECONNREFUSED 127.0.0.1:9" });
    expect(r.checks.database?.ok).toBe(true);
    expect(r.down.sort()).toEqual(["broken", "hung"]);
    registerReadinessCheck("hung", async () => ({ ok: true }));
    registerReadinessCheck("broken", async () => ({ ok: true }));
  });

  it("checks the real storage and job queue of this configuration", async () => {
    registerBackendReadinessChecks();
    registerReadinessCheck("model", async () => ({ ok: true })); // the production model is another test's business
    const r = await checkReadiness();
    expect(r.checks.storage).toEqual({ ok: true, detail: "local" });
    expect(r.checks.jobQueue).toEqual({ ok: true, detail: "database" });
  });
});
