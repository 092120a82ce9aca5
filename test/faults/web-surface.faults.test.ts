// The web surface through the production server: security headers on pages and API, cross-origin cookie writes
// refused, unknown methods 405, metrics behind a scope, impossible dates 422, an empty Bearer header never hiding the
// session, and sign-in hashing off the event loop (throttle opened wide here, so every attempt is hashed).
import http from "node:http";
import { afterAll, beforeAll, expect, test } from "vitest";

import { recordFigure } from "./support/figures";
import { ms, percentile, probeUntil } from "./support/latency";
import { FAULT_ADMIN, startProdServer, type ProdServer } from "./support/prod-server";
import { signIn, type Session } from "./support/session";

let server: ProdServer;
let admin: Session;

beforeAll(async () => {
  server = await startProdServer({ env: { SIGN_IN_MAX_PER_ACCOUNT: "100000", SIGN_IN_MAX_PER_IP: "100000" } });
  admin = await signIn(server.url, FAULT_ADMIN.email, FAULT_ADMIN.password);
});
afterAll(async () => server?.stop());

test("security headers on pages and API responses; patient data is no-store", async () => {
  const page = await admin.fetch("/");
  const api = await admin.fetch("/api/v1/studies");
  const signInPage = await fetch(`${server.url}/sign-in`);
  const csp = page.headers.get("content-security-policy") ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic' 'wasm-unsafe-eval'/);
  expect(csp).toContain("frame-ancestors 'none'");
  // Next puts the same nonce on its own scripts; no script runs without it.
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  const html = await page.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
  expect((await fetch(`${server.url}/sign-in`)).headers.get("content-security-policy")).not.toContain(nonce); // fresh per response

  for (const [what, res] of [
    ["page", page],
    ["sign-in page", signInPage],
    ["API", api],
  ] as const) {
    expect(res.headers.get("x-content-type-options"), what).toBe("nosniff");
    expect(res.headers.get("referrer-policy"), what).toBe("same-origin");
    expect(res.headers.get("permissions-policy"), what).toContain("camera=()");
    expect(res.headers.get("x-frame-options"), what).toBe("DENY");
    expect(res.headers.get("cache-control"), what).toMatch(/no-store/);
    expect(res.headers.get("strict-transport-security"), what).toBeNull(); // plain HTTP here
  }
  expect(api.headers.get("content-security-policy")).toContain("default-src 'none'");
  // A route's own caching (the model file: not patient data, immutable by sha256) is kept, not overwritten.
  const models = (await (await admin.fetch("/api/v1/models")).json()) as { models: { id: string; stage: string }[] };
  const model = await admin.fetch(`/api/v1/models/${models.models.find((m) => m.stage === "production")!.id}/file`);
  expect(model.headers.get("cache-control")).toContain("immutable");
  expect(model.headers.get("x-content-type-options")).toBe("nosniff");
  await model.arrayBuffer();
  // Behind a TLS-terminating proxy (X-Forwarded-Proto: https) HSTS is sent.
  const tls = await fetch(`${server.url}/api/health`, { headers: { "x-forwarded-proto": "https" } });
  expect(tls.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  recordFigure({ scenario: "security headers", figure: "page / API / sign-in with CSP, nosniff, no-store", value: "3 / 3", target: "all" });
});

test("a cross-origin cookie write is refused with 403; same-origin and token writes pass", async () => {
  const body = JSON.stringify({ name: "csrf-probe", scopes: ["read"] });
  const json = { "content-type": "application/json" };
  const cross = await admin.fetch("/api/v1/tokens", {
    method: "POST",
    body,
    headers: { ...json, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  });
  expect(cross.status).toBe(403);
  expect(((await cross.json()) as { error: { code: string } }).error.code).toBe("cross_origin");
  const originOnly = await admin.fetch("/api/v1/tokens", { method: "POST", body, headers: { ...json, origin: "https://evil.example" } });
  expect(originOnly.status).toBe(403);
  const tokens = (await (await admin.fetch("/api/v1/tokens")).json()) as { tokens: { name: string }[] };
  expect(tokens.tokens.filter((t) => t.name === "csrf-probe")).toEqual([]); // nothing was written
  const same = await admin.fetch("/api/v1/tokens", { method: "POST", body, headers: { ...json, "sec-fetch-site": "same-origin" } });
  expect(same.status).toBe(201);
  const token = server.token(["studies:write"]);
  const machine = await fetch(`${server.url}/api/v1/studies`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, origin: "https://evil.example", ...json },
    body: "{}",
  });
  expect(machine.status).toBe(415); // past the origin check and auth: refused for its body only
  // Uploads skip the proxy (their bodies stream), so withAuth refuses a cross-site cookie upload itself.
  const form = new FormData();
  form.append("files", new Blob([new Uint8Array([1, 2, 3])], { type: "application/dicom" }), "x.dcm");
  const crossUpload = await admin.fetch("/api/v1/studies", {
    method: "POST",
    body: form,
    headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  });
  expect(crossUpload.status).toBe(403);
  expect(crossUpload.headers.get("x-content-type-options")).toBe("nosniff");
  recordFigure({
    scenario: "cross-origin cookie write",
    figure: "status (Sec-Fetch-Site / Origin only)",
    value: `${cross.status} / ${originOnly.status}`,
    target: "403",
  });
});

// fetch() refuses to send TRACE, so this one goes through node:http.
function rawRequest(method: string, path: string, cookie: string): Promise<{ status: number; allow: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}${path}`, { method, headers: { cookie } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("TRACE and other unknown methods answer 405 with Allow", async () => {
  for (const path of ["/api/v1/studies", "/api/health", "/"]) {
    for (const method of ["TRACE", "PROPFIND"]) {
      const res = await rawRequest(method, path, admin.cookie);
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.allow, `${method} ${path}`).toContain("GET");
    }
  }
  recordFigure({
    scenario: "TRACE",
    figure: "status",
    value: (await rawRequest("TRACE", "/api/v1/studies", admin.cookie)).status,
    target: "405",
  });
});

test("/api/metrics needs an admin or a token with the metrics scope", async () => {
  expect((await fetch(`${server.url}/api/metrics`)).status).toBe(401);
  expect((await fetch(`${server.url}/api/metrics`, { headers: { authorization: `Bearer ${server.token(["read"])}` } })).status).toBe(403);
  const scraped = await fetch(`${server.url}/api/metrics`, { headers: { authorization: `Bearer ${server.token(["metrics"])}` } });
  expect(scraped.status).toBe(200);
  expect(await scraped.text()).toMatch(/^# HELP /m);
});

test("impossible dates in worklist queries answer 422 with the reason (and /neighbours too)", async () => {
  for (const path of ["/api/v1/studies?from=2024-13-45", "/api/v1/studies?to=2024-02-30", "/api/v1/studies/x/neighbours?from=2024-13-45"]) {
    const res = await admin.fetch(path);
    expect(res.status, path).toBe(422);
    expect(JSON.stringify(await res.json())).toMatch(/real date/);
  }
});

test("an empty 'Authorization: Bearer ' header does not beat a valid session cookie", async () => {
  const res = await admin.fetch("/api/v1/me", { headers: { authorization: "Bearer " } });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { via: string }).via).toBe("session");
});

test("sign-in hashing runs off the event loop: 30 parallel wrong passwords, every one hashed, /api/health stays fast", async () => {
  const idle: number[] = await probeUntil(
    `${server.url}/api/health`,
    (
      (until) => () =>
        Date.now() > until
    )(Date.now() + 1500),
  );
  let done = false;
  let attempts = 0;
  const clients = await Promise.all(
    Array.from({ length: 30 }, async () => {
      const csrf = await fetch(`${server.url}/api/auth/csrf`);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      return {
        csrfToken,
        cookie: csrf.headers
          .getSetCookie()
          .map((l) => l.split(";")[0])
          .join("; "),
      };
    }),
  );
  const storm = Promise.all(
    clients.map(async ({ csrfToken, cookie }) => {
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline) {
        const r = await fetch(`${server.url}/api/auth/callback/credentials`, {
          method: "POST",
          redirect: "manual",
          body: new URLSearchParams({ csrfToken, email: FAULT_ADMIN.email, password: "wrong-password", json: "true" }),
          headers: { cookie, origin: server.url, "content-type": "application/x-www-form-urlencoded" },
        });
        await r.arrayBuffer();
        expect(r.status).toBeLessThan(500);
        attempts++;
      }
    }),
  ).finally(() => (done = true));
  const during = await probeUntil(`${server.url}/api/health`, () => done);
  await storm;
  recordFigure({ scenario: "30 parallel wrong passwords, throttle off", figure: "hashed attempts in 5 s", value: attempts });
  recordFigure({
    scenario: "30 parallel wrong passwords, throttle off",
    figure: "/api/health p50 idle → during",
    value: `${ms(percentile(idle, 50))} → ${ms(percentile(during, 50))}`,
    target: "< 250 ms",
  });
  // Hashing on the event loop (bcryptjs before) took /api/health to seconds; hashes now queue off it, one core at most.
  expect(percentile(during, 50)).toBeLessThan(250);
});
