// Sessions through the production server: a copied cookie is worthless after sign-out, a password change, disabling or
// a role change; a storm of wrong passwords is throttled (429 + Retry-After) while the server stays responsive, and a
// forged X-Forwarded-For does not escape the per-address limit.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, test } from "vitest";

import { recordFigure } from "./support/figures";
import { ms, percentile, probeUntil } from "./support/latency";
import { FAULT_ADMIN, startProdServer, type ProdServer } from "./support/prod-server";
import { signIn, signOut, trySignIn, type Session } from "./support/session";

let server: ProdServer;
let admin: Session;
const PASSWORD = "fault-user-password-1";

beforeAll(async () => {
  server = await startProdServer();
  admin = await signIn(server.url, FAULT_ADMIN.email, FAULT_ADMIN.password);
});
afterAll(async () => server?.stop());

async function newUser(role = "radiologist"): Promise<{ id: string; email: string }> {
  const email = `${role}-${randomUUID().slice(0, 8)}@faults.local`;
  const res = await admin.fetch("/api/v1/users", {
    method: "POST",
    body: JSON.stringify({ email, name: role, role, password: PASSWORD }),
    headers: { "content-type": "application/json" },
  });
  expect(res.status).toBe(201);
  return { id: ((await res.json()) as { user: { id: string } }).user.id, email };
}

const me = (s: Session) => s.fetch("/api/v1/me").then((r) => r.status);

test("sign-out ends the session on the server: the copied cookie answers 401, pages send it to sign-in", async () => {
  const u = await newUser();
  const a = await signIn(server.url, u.email, PASSWORD);
  const b = await signIn(server.url, u.email, PASSWORD);
  expect(await me(a)).toBe(200);
  await signOut(server.url, a);
  expect(await me(a)).toBe(401);
  const page = await a.fetch("/", { redirect: "manual" });
  expect(page.status).toBeGreaterThanOrEqual(300);
  expect(page.headers.get("location") ?? "").toMatch(/\/sign-in/);
  expect(await me(b)).toBe(200); // another browser of the same user stays signed in
  recordFigure({ scenario: "stale session", figure: "after sign-out", value: `${await me(a)}`, target: "401" });
});

for (const [change, patch] of [
  ["password change", { password: "another-password-22" }],
  ["disable", { disabled: true }],
  ["role change", { role: "annotator" }],
] as const) {
  test(`${change} by an admin ends the user's open sessions (401 at once)`, async () => {
    const u = await newUser();
    const s = await signIn(server.url, u.email, PASSWORD);
    expect(await me(s)).toBe(200);
    const res = await admin.fetch(`/api/v1/users/${u.id}`, {
      method: "PATCH",
      body: JSON.stringify(patch),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(200);
    expect(await me(s)).toBe(401);
    recordFigure({ scenario: "stale session", figure: `after ${change}`, value: `${await me(s)}`, target: "401" });
  });
}

test("30 parallel wrong passwords: 429 with Retry-After, /api/health p50 < 50 ms meanwhile", async () => {
  const u = await newUser();
  const idle = await probeFor(server.url, 1500);
  let done = false;
  const statuses: number[] = [];
  const retryAfter: string[] = [];
  const clients = await Promise.all(Array.from({ length: 30 }, () => wrongPasswordClient(server.url)));
  const storm = Promise.all(
    clients.map(async (attempt) => {
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline) {
        const r = await attempt(u.email);
        statuses.push(r.status);
        if (r.status === 429) retryAfter.push(r.retryAfter ?? "");
      }
    }),
  ).finally(() => (done = true));
  const during = await probeUntil(`${server.url}/api/health`, () => done);
  await storm;
  const limited = statuses.filter((s) => s === 429).length;
  recordFigure({ scenario: "30 parallel wrong passwords (5 s)", figure: "attempts / 429", value: `${statuses.length} / ${limited}` });
  recordFigure({
    scenario: "30 parallel wrong passwords (5 s)",
    figure: "/api/health p50 idle → during",
    value: `${ms(percentile(idle, 50))} → ${ms(percentile(during, 50))}`,
    target: "< 50 ms",
  });
  expect(limited).toBeGreaterThan(0);
  expect(statuses.filter((s) => s >= 500)).toEqual([]);
  expect(retryAfter.every((v) => Number(v) > 0)).toBe(true);
  expect(percentile(during, 50)).toBeLessThan(50);
  // The right password is refused too while the account is throttled (no oracle), and says when to retry.
  expect(await trySignIn(server.url, u.email, PASSWORD)).toBe(429);
});

test("a forged X-Forwarded-For does not escape the per-address limit (no trusted proxies)", async () => {
  const statuses: number[] = [];
  const attempt = await wrongPasswordClient(server.url);
  // Distinct accounts, so only the per-address limit (30 per window) can stop the spray.
  for (let i = 0; i < 40; i++) statuses.push((await attempt(`nobody-${i}-${randomUUID()}@faults.local`, `203.0.113.${i}`)).status);
  const firstLimited = statuses.indexOf(429);
  recordFigure({
    scenario: "password spray, forged X-Forwarded-For",
    figure: "first 429 at attempt",
    value: firstLimited + 1,
    target: "≤ 31",
  });
  expect(firstLimited).toBeGreaterThanOrEqual(0);
  expect(firstLimited).toBeLessThanOrEqual(30);
});

type Attempter = (email: string, forwardedFor?: string) => Promise<{ status: number; retryAfter: string | null }>;

/** A client as an attacker runs it: one CSRF token and cookie, then wrong passwords as fast as answers come. */
async function wrongPasswordClient(url: string): Promise<Attempter> {
  const csrfRes = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookie = csrfRes.headers
    .getSetCookie()
    .map((l) => l.split(";")[0])
    .join("; ");
  return async (email, forwardedFor) => {
    const headers: Record<string, string> = { cookie, "content-type": "application/x-www-form-urlencoded", origin: url };
    if (forwardedFor) headers["x-forwarded-for"] = forwardedFor;
    const res = await fetch(`${url}/api/auth/callback/credentials`, {
      method: "POST",
      body: new URLSearchParams({ csrfToken, email, password: "definitely-wrong", json: "true" }),
      redirect: "manual",
      headers,
    });
    await res.arrayBuffer();
    return { status: res.status, retryAfter: res.headers.get("retry-after") };
  };
}

async function probeFor(url: string, forMs: number): Promise<number[]> {
  const until = Date.now() + forMs;
  return probeUntil(`${url}/api/health`, () => Date.now() > until);
}
