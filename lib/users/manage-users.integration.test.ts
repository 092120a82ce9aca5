import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { createUser, updateUser } from "@/lib/users/manage-users";
import { makeUser, TEST_PASSWORD } from "@/test/factories";

const actor = { id: null, email: "tester" };

describe("user management", () => {
  it("creates a user with a hashed password and never returns the hash", async () => {
    const u = await makeUser("annotator");
    expect(u).not.toHaveProperty("passwordHash");
    const row = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.passwordHash).not.toContain(TEST_PASSWORD);
    const audit = await db.auditEvent.findFirst({ where: { action: "user.created", targetId: u.id } });
    expect(audit?.details).toMatchObject({ role: "annotator" });
  });

  it("refuses a duplicate e-mail with a conflict, case-insensitively after normalisation", async () => {
    const u = await makeUser();
    const dup = createUser(SYSTEM_ACTOR, { email: u.email, name: "Again", role: "admin", password: TEST_PASSWORD });
    await expect(dup).rejects.toMatchObject({ code: "conflict" });
    expect(await db.user.count({ where: { email: u.email } })).toBe(1);
  });

  it("audits a role change with from and to", async () => {
    const u = await makeUser("radiologist");
    const changed = await updateUser(actor, u.id, { role: "annotator" });
    expect(changed.role).toBe("annotator");
    const ev = await db.auditEvent.findFirstOrThrow({ where: { action: "user.role_changed", targetId: u.id } });
    expect(ev.details).toEqual({ from: "radiologist", to: "annotator" });
    expect(ev.actorEmail).toBe("tester");
  });

  it("never lets the last active admin be demoted or disabled", async () => {
    await db.user.updateMany({ where: { role: "admin" }, data: { disabled: true } });
    const admin = await makeUser("admin");
    await expect(updateUser(actor, admin.id, { role: "radiologist" })).rejects.toBeInstanceOf(AppError);
    await expect(updateUser(actor, admin.id, { disabled: true })).rejects.toMatchObject({ code: "conflict" });
    const second = await makeUser("admin");
    await expect(updateUser(actor, admin.id, { disabled: true })).resolves.toMatchObject({ disabled: true });
    expect(second.role).toBe("admin");
  });

  it("returns not_found for an unknown id", async () => {
    await expect(updateUser(actor, "nope", { name: "x" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("credential sign-in", () => {
  it("signs in with the right password and audits it", async () => {
    const u = await makeUser();
    const r = await verifyCredentials({ email: u.email.toUpperCase(), password: TEST_PASSWORD }, "10.0.0.1");
    expect(r).toEqual({ id: u.id, email: u.email, name: u.name, role: "radiologist" });
    const ev = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in", targetId: u.id } });
    expect(ev.ip).toBe("10.0.0.1");
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).lastLoginAt).not.toBeNull();
  });

  it("refuses a wrong password, an unknown e-mail and a disabled account, auditing each failure", async () => {
    const u = await makeUser();
    expect(await verifyCredentials({ email: u.email, password: "wrong password!" }, null)).toBeNull();
    expect(await verifyCredentials({ email: "ghost@test.local", password: TEST_PASSWORD }, null)).toBeNull();
    await updateUser(actor, u.id, { disabled: true });
    expect(await verifyCredentials({ email: u.email, password: TEST_PASSWORD }, null)).toBeNull();
    const reasons = (
      await db.auditEvent.findMany({ where: { action: "auth.sign_in_failed", actorEmail: { in: [u.email, "ghost@test.local"] } } })
    ).map((e) => (e.details as { reason: string }).reason);
    expect(reasons.sort()).toEqual(["disabled", "unknown_email", "wrong_password"]);
  });

  it("rejects malformed credentials without touching the database", async () => {
    expect(await verifyCredentials({ email: 42 }, null)).toBeNull();
    expect(await verifyCredentials(null, null)).toBeNull();
  });
});
