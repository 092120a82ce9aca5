import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_ADMIN } from "./support/accounts";
import { signedInContext } from "./support/api-session";

let admin: APIRequestContext;
test.beforeAll(async ({ baseURL }) => {
  admin = await signedInContext(baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
});

const post = (data: string, type = "application/json") =>
  admin.post("/api/v1/users", { data: Buffer.from(data), headers: { "content-type": type } });

test("malformed JSON is a 400 with a reason", async () => {
  const res = await post("{not json");
  expect(res.status()).toBe(400);
  expect((await res.json()).error).toMatchObject({ code: "bad_request", message: expect.stringContaining("JSON") });
});

test("a non-JSON content type is a 415", async () => {
  expect((await post("email=a", "application/x-www-form-urlencoded")).status()).toBe(415);
});

test("missing fields, wrong types and an unknown role are 422 with the zod issues", async () => {
  for (const body of [
    {},
    { email: "a@b.c", name: 5, role: "radiologist", password: "long-enough-pw" },
    { email: "a@b.c", name: "A", role: "surgeon", password: "long-enough-pw" },
  ]) {
    const res = await post(JSON.stringify(body));
    expect(res.status()).toBe(422);
    const err = (await res.json()).error;
    expect(err.code).toBe("validation_failed");
    expect(err.details.length).toBeGreaterThan(0);
  }
  const patch = await admin.patch("/api/v1/users/whatever", { data: { role: "king" } });
  expect(patch.status()).toBe(422);
});

test("a duplicate user is a 409 and the first one is untouched", async () => {
  const user = { email: `dup-${Date.now()}@e2e.local`, name: "First", role: "annotator", password: "dup-password-1" };
  expect((await admin.post("/api/v1/users", { data: user })).status()).toBe(201);
  const again = await admin.post("/api/v1/users", { data: { ...user, name: "Second", role: "admin" } });
  expect(again.status()).toBe(409);
  const list = (await (await admin.get("/api/v1/users")).json()).users as { email: string; name: string; role: string }[];
  expect(list.filter((u) => u.email === user.email)).toEqual([expect.objectContaining({ name: "First", role: "annotator" })]);
});

test("role changes and token creation land in the audit trail", async () => {
  const email = `audit-${Date.now()}@e2e.local`;
  const created = (
    await (await admin.post("/api/v1/users", { data: { email, name: "A", role: "radiologist", password: "audit-password-1" } })).json()
  ).user;
  expect((await admin.patch(`/api/v1/users/${created.id}`, { data: { role: "annotator" } })).status()).toBe(200);
  expect((await admin.post("/api/v1/tokens", { data: { name: "audit-check" } })).status()).toBe(201);
  const events = (await (await admin.get("/api/v1/audit?limit=50")).json()).events as { action: string; targetId: string | null }[];
  const actions = events.map((e) => e.action);
  expect(events).toContainEqual(expect.objectContaining({ action: "user.role_changed", targetId: created.id }));
  expect(actions).toContain("token.created");
  expect(actions).toContain("auth.sign_in");
});
