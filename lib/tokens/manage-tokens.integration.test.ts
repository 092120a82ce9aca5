import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticateToken } from "@/lib/auth/authenticate-token";
import { createToken, listTokens, revokeToken } from "@/lib/tokens/manage-tokens";
import { hashTokenSecret } from "@/lib/tokens/token-secret";
import { updateUser } from "@/lib/users/manage-users";
import { makeUser } from "@/test/factories";

const asActor = (u: { id: string; email: string; role: string }) => ({ id: u.id, email: u.email, role: u.role });

describe("API tokens", () => {
  it("shows the secret once, stores only its hash, and authenticates as the owner with its scopes", async () => {
    const u = await makeUser("radiologist");
    const created = await createToken(asActor(u), { name: "router", scopes: ["predict", "read"] });
    expect(created.token).toMatch(/^cxr_/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashTokenSecret(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect((await listTokens(u.id))[0]).not.toHaveProperty("token");
    const p = await authenticateToken(created.token);
    expect(p).toMatchObject({ userId: u.id, role: "radiologist", via: "token", scopes: ["predict", "read"] });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "token.created", targetId: created.id } })).toBe(1);
  });

  it("stops working once revoked, expired, or when its owner is disabled", async () => {
    const u = await makeUser();
    const a = await createToken(asActor(u), { name: "a", scopes: ["predict"] });
    await revokeToken(asActor(u), a.id);
    expect(await authenticateToken(a.token)).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "token.revoked", targetId: a.id } })).toBe(1);

    const b = await createToken(asActor(u), { name: "b", scopes: ["predict"], expiresInDays: 1 });
    await db.apiToken.update({ where: { id: b.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await authenticateToken(b.token)).toBeNull();

    const c = await createToken(asActor(u), { name: "c", scopes: ["predict"] });
    await updateUser({ id: null, email: "tester" }, u.id, { disabled: true });
    expect(await authenticateToken(c.token)).toBeNull();
  });

  it("rejects unknown and malformed secrets", async () => {
    expect(await authenticateToken("cxr_" + "x".repeat(43))).toBeNull();
    expect(await authenticateToken("not-a-token")).toBeNull();
  });

  it("lets only the owner or an admin revoke a token", async () => {
    const owner = await makeUser();
    const other = await makeUser();
    const admin = await makeUser("admin");
    const t = await createToken(asActor(owner), { name: "t", scopes: ["predict"] });
    await expect(revokeToken(asActor(other), t.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(revokeToken(asActor(admin), t.id)).resolves.toMatchObject({ revokedAt: expect.any(String) });
  });
});
