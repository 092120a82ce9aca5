import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { routeStudy } from "@/lib/predictions/route-study";
import { registerTinyModel } from "@/test/fixtures/models";

describe("canary routing", () => {
  it("sends 20 % ± 3 % of 2,000 studies to a 20 % canary, each study always to the same version", async () => {
    await db.modelVersion.updateMany({ data: { stage: "archived", canaryShare: 0, shadow: false } });
    const prod = await registerTinyModel("route-prod", "production");
    const canary = await registerTinyModel("route-canary", "canary", { canaryShare: 0.2 });
    const first = new Map<string, string>();
    for (let i = 0; i < 2000; i++) {
      const uid = `1.2.826.0.1.${i}.${i * 7}`;
      first.set(uid, (await routeStudy(uid)).served.version.id);
    }
    const share = [...first.values()].filter((id) => id === canary.id).length / 2000;
    expect(share).toBeGreaterThanOrEqual(0.17);
    expect(share).toBeLessThanOrEqual(0.23);
    for (const [uid, id] of [...first].slice(0, 200)) expect((await routeStudy(uid)).served.version.id).toBe(id);
    expect([...first.values()].every((id) => id === prod.id || id === canary.id)).toBe(true);
  });
});

describe("routing table cache (the predict API's maxAgeMs)", () => {
  it("serves a cached table within maxAgeMs, and setStage invalidates it at once", async () => {
    await db.modelVersion.updateMany({ data: { stage: "archived", canaryShare: 0, shadow: false } });
    const a = await registerTinyModel("cache-a", "production");
    expect((await routeStudy("1.2.3", { maxAgeMs: 60_000 })).served.version.id).toBe(a.id);
    // A change that bypasses setStage is seen only by uncached reads until the table expires.
    await db.modelVersion.update({ where: { id: a.id }, data: { stage: "archived" } });
    expect((await routeStudy("1.2.3", { maxAgeMs: 60_000 })).served.version.id).toBe(a.id);
    await expect(routeStudy("1.2.3")).rejects.toMatchObject({ code: "unavailable" });
    // setStage (promotion, rollback, canary) invalidates, so the next cached read routes to the new version.
    const b = await registerTinyModel("cache-b", "production");
    expect((await routeStudy("1.2.3", { maxAgeMs: 60_000 })).served.version.id).toBe(b.id);
  });
});
