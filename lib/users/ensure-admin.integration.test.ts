import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { ensureAdmin } from "@/lib/users/ensure-admin";

describe("first-run admin", () => {
  it("creates one admin with a usable one-time password when none exists, and nothing afterwards", async () => {
    await db.user.deleteMany({ where: { role: "admin" } });
    const first = await ensureAdmin();
    if (!first.created || !first.password) throw new Error("expected a generated admin");
    expect(first.password.length).toBeGreaterThanOrEqual(20);
    expect(await verifyCredentials({ email: first.email, password: first.password }, null)).toMatchObject({ role: "admin" });
    expect(await ensureAdmin()).toEqual({ created: false });
    expect(await db.user.count({ where: { role: "admin" } })).toBe(1);
  });
});
