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
