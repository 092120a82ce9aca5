import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAuthSession, principalOfSession, revokeAuthSession } from "@/lib/auth/auth-sessions";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { takeSignInAttempt } from "@/lib/auth/sign-in-throttle";
import { updateUser } from "@/lib/users/manage-users";
import { makeUser, TEST_PASSWORD } from "@/test/factories";

const actor = { id: null, email: "tester" };

describe("server-side sessions", () => {
  it("a session row gives the user's principal until it is revoked by sign-out", async () => {
    const u = await makeUser("radiologist");
    const sid = await createAuthSession(u.id);
    expect(await principalOfSession(sid)).toMatchObject({ userId: u.id, role: "radiologist", via: "session", sessionId: sid });
    const other = await createAuthSession(u.id);
    await revokeAuthSession(sid, "sign_out");
    expect(await principalOfSession(sid)).toBeNull();
    expect(await principalOfSession(other)).not.toBeNull(); // sign-out ends this session only
    expect(await db.authSession.findUniqueOrThrow({ where: { id: sid } })).toMatchObject({ revokedWhy: "sign_out" });
  });

  it("an unknown id or a session past its absolute lifetime is no session", async () => {
    const u = await makeUser();
    const sid = await createAuthSession(u.id, new Date(Date.now() - 13 * 3600_000));
    expect(await principalOfSession(sid)).toBeNull();
    expect(await principalOfSession("no-such-session")).toBeNull();
  });

  for (const [change, body, why] of [
    ["password change", { password: "a brand new password" }, "password_changed"],
    ["disabling", { disabled: true }, "disabled"],
    ["role change", { role: "annotator" }, "role_changed"],
  ] as const) {
    it(`${change} ends every open session of the user, and only theirs`, async () => {
      const u = await makeUser("radiologist");
      const bystander = await makeUser("radiologist");
      const [a, b, c] = [await createAuthSession(u.id), await createAuthSession(u.id), await createAuthSession(bystander.id)];
      await updateUser(actor, u.id, body);
      expect(await principalOfSession(a)).toBeNull();
      expect(await principalOfSession(b)).toBeNull();
      expect(await principalOfSession(c)).not.toBeNull();
      expect((await db.authSession.findUniqueOrThrow({ where: { id: a } })).revokedWhy).toBe(why);
    });
  }

  it("a rename leaves sessions open", async () => {
    const u = await makeUser();
    const sid = await createAuthSession(u.id);
    await updateUser(actor, u.id, { name: "Renamed" });
    expect(await principalOfSession(sid)).toMatchObject({ name: "Renamed" });
  });
});

describe("password hashes", () => {
  it("a legacy bcryptjs hash still signs in and is replaced by Argon2id on success", async () => {
    const u = await makeUser();
    await db.user.update({ where: { id: u.id }, data: { passwordHash: bcrypt.hashSync(TEST_PASSWORD, 4) } });
    expect(await verifyCredentials({ email: u.email, password: "wrong password!" }, "192.0.2.1")).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).passwordHash).toMatch(/^\$2/); // not on failure
    expect(await verifyCredentials({ email: u.email, password: TEST_PASSWORD }, "192.0.2.1")).toMatchObject({ id: u.id });
    const after = (await db.user.findUniqueOrThrow({ where: { id: u.id } })).passwordHash;
    expect(after).toMatch(/^\$argon2id\$/);
    expect(await verifyCredentials({ email: u.email, password: TEST_PASSWORD }, "192.0.2.1")).toMatchObject({ id: u.id });
    const audit = await db.auditEvent.findFirst({ where: { action: "auth.sign_in", targetId: u.id } });
    expect(audit?.ip).toBe("192.0.2.1");
  });

  it("a success clears the account's throttle count", async () => {
    const u = await makeUser();
    const ip = "198.51.100.77";
    for (let i = 0; i < 4; i++) expect(await takeSignInAttempt(u.email, ip)).toBeNull();
    expect(await verifyCredentials({ email: u.email, password: TEST_PASSWORD }, ip)).not.toBeNull();
    for (let i = 0; i < 5; i++) expect(await takeSignInAttempt(u.email, ip)).toBeNull(); // the default 5 per account again
    expect(await takeSignInAttempt(u.email, ip)).toBeGreaterThan(0);
  });
});
