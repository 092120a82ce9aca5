import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_ADMIN } from "./support/accounts";
import { bearerContext, signedInContext } from "./support/api-session";
import { newUser } from "./support/ai-study";
import { syntheticDicom } from "./support/fixtures";

type Caller = "anonymous" | "radiologist" | "annotator" | "admin" | "token-read" | "token-predict";
type Expect = Record<Caller, number>;
type RouteCase = { method: "GET" | "POST" | "PATCH" | "DELETE"; path: string; file: string; body?: unknown; expect: Expect };

const ALL = (s: number): Expect => ({ anonymous: s, radiologist: s, annotator: s, admin: s, "token-read": s, "token-predict": s });
const ADMIN_ONLY = (ok: number): Expect => ({
  anonymous: 401,
  radiologist: 403,
  annotator: 403,
  admin: ok,
  "token-read": 403,
  "token-predict": 403,
});
const SIGNED_IN = (ok: number): Expect => ({
  anonymous: 401,
  radiologist: ok,
  annotator: ok,
  admin: ok,
  "token-read": 403,
  "token-predict": 403,
});

// Every route file under app/api must appear here; the last test fails when a new one is added without a row.
const ROUTES: RouteCase[] = [
  { method: "GET", path: "/api/health", file: "health/route.ts", expect: ALL(200) },
  { method: "GET", path: "/api/ready", file: "ready/route.ts", expect: ALL(200) },
  // Prometheus scrapes with an admin's token holding the `metrics` scope (test/faults/web-surface covers the token).
  { method: "GET", path: "/api/metrics", file: "metrics/route.ts", expect: ADMIN_ONLY(200) },
  { method: "GET", path: "/api/v1/openapi.json", file: "v1/openapi.json/route.ts", expect: ALL(200) },
  { method: "GET", path: "/api/auth/session", file: "auth/[...nextauth]/route.ts", expect: ALL(200) },
  { method: "GET", path: "/api/does-not-exist", file: "[...unknown]/route.ts", expect: ALL(404) },
  { method: "GET", path: "/api/v1/me", file: "v1/me/route.ts", expect: { ...SIGNED_IN(200), "token-read": 200, "token-predict": 403 } },
  { method: "GET", path: "/api/v1/users", file: "v1/users/route.ts", expect: ADMIN_ONLY(200) },
  { method: "POST", path: "/api/v1/users", file: "v1/users/route.ts", body: { email: "x" }, expect: ADMIN_ONLY(422) },
  { method: "GET", path: "/api/v1/users/unknown-id", file: "v1/users/[id]/route.ts", expect: ADMIN_ONLY(404) },
  { method: "PATCH", path: "/api/v1/users/unknown-id", file: "v1/users/[id]/route.ts", body: { name: "N" }, expect: ADMIN_ONLY(404) },
  { method: "GET", path: "/api/v1/tokens", file: "v1/tokens/route.ts", expect: SIGNED_IN(200) },
  { method: "POST", path: "/api/v1/tokens", file: "v1/tokens/route.ts", body: { name: "" }, expect: SIGNED_IN(422) },
  { method: "DELETE", path: "/api/v1/tokens/unknown-id", file: "v1/tokens/[id]/route.ts", expect: SIGNED_IN(404) },
  { method: "GET", path: "/api/v1/audit", file: "v1/audit/route.ts", expect: ADMIN_ONLY(200) },
  { method: "GET", path: "/api/v1/studies", file: "v1/studies/route.ts", expect: { ...SIGNED_IN(200), "token-read": 200 } },
  // Not multipart: the role check passes for uploaders, then the body is refused with 415.
  { method: "POST", path: "/api/v1/studies", file: "v1/studies/route.ts", body: { x: 1 }, expect: { ...SIGNED_IN(415), annotator: 403 } },
  {
    method: "GET",
    path: "/api/v1/studies/unknown-id",
    file: "v1/studies/[studyId]/route.ts",
    expect: { ...SIGNED_IN(404), "token-read": 404 },
  },
  {
    method: "GET",
    path: "/api/v1/studies/unknown-id/neighbours",
    file: "v1/studies/[studyId]/neighbours/route.ts",
    expect: SIGNED_IN(200),
  },
  { method: "GET", path: "/api/v1/studies/unknown-id/events", file: "v1/studies/[studyId]/events/route.ts", expect: SIGNED_IN(404) },
  { method: "GET", path: "/api/v1/studies/unknown-id/priors", file: "v1/studies/[studyId]/priors/route.ts", expect: SIGNED_IN(404) },
  {
    method: "GET",
    path: "/api/v1/studies/unknown-id/priors/other-id",
    file: "v1/studies/[studyId]/priors/[priorId]/route.ts",
    expect: SIGNED_IN(404),
  },
  // Annotators only with a task on the study (else 404, as if it did not exist); readers are refused outright.
  {
    method: "GET",
    path: "/api/v1/studies/unknown-id/reader-decisions",
    file: "v1/studies/[studyId]/reader-decisions/route.ts",
    expect: { ...SIGNED_IN(404), radiologist: 403 },
  },
  // Sessions and predict-scoped tokens pass auth, then a JSON body is refused with 415 (multipart expected).
  {
    method: "POST",
    path: "/api/v1/predict",
    file: "v1/predict/route.ts",
    body: { x: 1 },
    expect: { ...SIGNED_IN(415), "token-predict": 415 },
  },
  {
    method: "POST",
    path: "/api/v1/predict/batch",
    file: "v1/predict/batch/route.ts",
    body: { x: 1 },
    expect: { ...SIGNED_IN(415), "token-predict": 415 },
  },
  // Reviews: every signed-in role reads and saves its own review; API tokens never; annotators never sign off.
  { method: "GET", path: "/api/v1/studies/unknown-id/review", file: "v1/studies/[studyId]/review/route.ts", expect: SIGNED_IN(404) },
  { method: "POST", path: "/api/v1/studies/unknown-id/review", file: "v1/studies/[studyId]/review/route.ts", expect: SIGNED_IN(404) },
  {
    method: "PATCH",
    path: "/api/v1/studies/unknown-id/review",
    file: "v1/studies/[studyId]/review/route.ts",
    body: { version: 0, operations: [] },
    expect: SIGNED_IN(404),
  },
  {
    method: "POST",
    path: "/api/v1/studies/unknown-id/review/sign-off",
    file: "v1/studies/[studyId]/review/sign-off/route.ts",
    body: { version: 1, impression: "abnormal" },
    expect: { ...SIGNED_IN(404), annotator: 403 },
  },
  {
    method: "POST",
    path: "/api/v1/studies/unknown-id/review/amend",
    file: "v1/studies/[studyId]/review/amend/route.ts",
    expect: { ...SIGNED_IN(404), annotator: 403 },
  },
  {
    method: "GET",
    path: "/api/v1/studies/unknown-id/sr",
    file: "v1/studies/[studyId]/sr/route.ts",
    expect: { ...SIGNED_IN(404), annotator: 403 },
  },
  { method: "POST", path: "/api/v1/studies/unknown-id/predict", file: "v1/studies/[studyId]/predict/route.ts", expect: ADMIN_ONLY(404) },
  // Results back to the PACS: readers and admins see and re-send; a read token sees; annotators never.
  {
    method: "GET",
    path: "/api/v1/studies/unknown-id/pacs-pushes",
    file: "v1/studies/[studyId]/pacs-pushes/route.ts",
    expect: { ...SIGNED_IN(404), annotator: 403, "token-read": 404 },
  },
  {
    method: "POST",
    path: "/api/v1/studies/unknown-id/pacs-pushes",
    file: "v1/studies/[studyId]/pacs-pushes/route.ts",
    body: {},
    expect: { ...SIGNED_IN(404), annotator: 403 },
  },
  { method: "GET", path: "/api/v1/reviews/unknown-id/history", file: "v1/reviews/[reviewId]/history/route.ts", expect: SIGNED_IN(404) },
  // Tasks: everyone lists their own; only admins list all, assign, cancel, run the automatic rules, see agreement, fuse a consensus.
  { method: "GET", path: "/api/v1/assignments?mine=1", file: "v1/assignments/route.ts", expect: SIGNED_IN(200) },
  { method: "GET", path: "/api/v1/assignments", file: "v1/assignments/route.ts", expect: { ...SIGNED_IN(403), admin: 200 } },
  {
    method: "POST",
    path: "/api/v1/assignments",
    file: "v1/assignments/route.ts",
    body: { kind: "annotate", studyIds: [], assigneeId: "x" },
    expect: ADMIN_ONLY(422),
  },
  { method: "GET", path: "/api/v1/assignments/unknown-id", file: "v1/assignments/[id]/route.ts", expect: SIGNED_IN(404) },
  { method: "DELETE", path: "/api/v1/assignments/unknown-id", file: "v1/assignments/[id]/route.ts", expect: ADMIN_ONLY(404) },
  {
    method: "POST",
    path: "/api/v1/assignments/unknown-id/complete",
    file: "v1/assignments/[id]/complete/route.ts",
    body: { version: 0 },
    expect: SIGNED_IN(404),
  },
  {
    method: "POST",
    path: "/api/v1/assignments/auto",
    file: "v1/assignments/auto/route.ts",
    body: { lowConfidenceBelow: 2 },
    expect: ADMIN_ONLY(422),
  },
  { method: "GET", path: "/api/v1/admin/agreement", file: "v1/admin/agreement/route.ts", expect: ADMIN_ONLY(200) },
  {
    method: "POST",
    path: "/api/v1/studies/unknown-id/consensus",
    file: "v1/studies/[studyId]/consensus/route.ts",
    body: {},
    expect: ADMIN_ONLY(404),
  },
  { method: "GET", path: "/api/v1/models", file: "v1/models/route.ts", expect: ADMIN_ONLY(200) },
  { method: "POST", path: "/api/v1/models", file: "v1/models/route.ts", body: { x: 1 }, expect: ADMIN_ONLY(415) },
  {
    method: "POST",
    path: "/api/v1/models/unknown-id/stage",
    file: "v1/models/[id]/stage/route.ts",
    body: { to: "staging" },
    expect: ADMIN_ONLY(404),
  },
  {
    method: "POST",
    path: "/api/v1/models/unknown-id/rollback",
    file: "v1/models/[id]/rollback/route.ts",
    body: {},
    expect: ADMIN_ONLY(404),
  },
  {
    method: "POST",
    path: "/api/v1/models/unknown-id/optimize",
    file: "v1/models/[id]/optimize/route.ts",
    body: {},
    expect: ADMIN_ONLY(404),
  },
  { method: "GET", path: "/api/v1/models/unknown-id/evaluations", file: "v1/models/[id]/evaluations/route.ts", expect: ADMIN_ONLY(404) },
  { method: "POST", path: "/api/v1/models/unknown-id/evaluations", file: "v1/models/[id]/evaluations/route.ts", expect: ADMIN_ONLY(404) },
  { method: "GET", path: "/api/v1/admin/performance?days=7", file: "v1/admin/performance/route.ts", expect: ADMIN_ONLY(200) },
  { method: "GET", path: "/api/v1/admin/canary-rule", file: "v1/admin/canary-rule/route.ts", expect: ADMIN_ONLY(200) },
  // Out of range: admins get 422 and the rule is unchanged.
  {
    method: "PATCH",
    path: "/api/v1/admin/canary-rule",
    file: "v1/admin/canary-rule/route.ts",
    body: { maxAcceptanceDrop: 5 },
    expect: ADMIN_ONLY(422),
  },
  { method: "GET", path: "/api/v1/models/unknown-id/file", file: "v1/models/[id]/file/route.ts", expect: SIGNED_IN(404) },
  { method: "GET", path: "/api/v1/instances/unknown-id/file", file: "v1/instances/[instanceId]/file/route.ts", expect: SIGNED_IN(404) },
  { method: "GET", path: "/api/v1/admin/drift?limit=5", file: "v1/admin/drift/route.ts", expect: ADMIN_ONLY(200) },
  // A current window that ends before it starts: admins get 422 without a computation.
  {
    method: "POST",
    path: "/api/v1/admin/drift",
    file: "v1/admin/drift/route.ts",
    body: { reference: { firstN: 200 }, current: { from: "2026-01-08T00:00:00Z", to: "2026-01-01T00:00:00Z" } },
    expect: ADMIN_ONLY(422),
  },
  { method: "GET", path: "/api/v1/exports", file: "v1/exports/route.ts", expect: ADMIN_ONLY(200) },
  { method: "POST", path: "/api/v1/exports", file: "v1/exports/route.ts", body: { format: "voc" }, expect: ADMIN_ONLY(422) },
  { method: "GET", path: "/api/v1/exports/unknown-id", file: "v1/exports/[id]/route.ts", expect: ADMIN_ONLY(404) },
  { method: "GET", path: "/api/v1/exports/unknown-id/download", file: "v1/exports/[id]/download/route.ts", expect: ADMIN_ONLY(404) },
  { method: "GET", path: "/api/v1/training-runs", file: "v1/training-runs/route.ts", expect: ADMIN_ONLY(200) },
  {
    method: "POST",
    path: "/api/v1/training-runs",
    file: "v1/training-runs/route.ts",
    body: { exportId: "x", modelSize: "xl" },
    expect: ADMIN_ONLY(422),
  },
  { method: "GET", path: "/api/v1/training-runs/unknown-id", file: "v1/training-runs/[id]/route.ts", expect: ADMIN_ONLY(404) },
  { method: "GET", path: "/api/v1/models/unknown-id/triton-repo", file: "v1/models/[id]/triton-repo/route.ts", expect: ADMIN_ONLY(404) },
  // PACS: connections are admin-only; readers search, pull and follow pulls. A PACS search shows patient identifiers, so a
  // radiologist's `read` token is refused there (only an admin's token may search).
  { method: "GET", path: "/api/v1/pacs/connections", file: "v1/pacs/connections/route.ts", expect: ADMIN_ONLY(200) },
  { method: "POST", path: "/api/v1/pacs/connections", file: "v1/pacs/connections/route.ts", body: {}, expect: ADMIN_ONLY(422) },
  { method: "GET", path: "/api/v1/pacs/connections/unknown-id", file: "v1/pacs/connections/[id]/route.ts", expect: ADMIN_ONLY(404) },
  {
    method: "PATCH",
    path: "/api/v1/pacs/connections/unknown-id",
    file: "v1/pacs/connections/[id]/route.ts",
    body: { name: "x" },
    expect: ADMIN_ONLY(404),
  },
  { method: "DELETE", path: "/api/v1/pacs/connections/unknown-id", file: "v1/pacs/connections/[id]/route.ts", expect: ADMIN_ONLY(404) },
  {
    method: "POST",
    path: "/api/v1/pacs/connections/unknown-id/test",
    file: "v1/pacs/connections/[id]/test/route.ts",
    expect: ADMIN_ONLY(404),
  },
  {
    method: "GET",
    path: "/api/v1/pacs/connections/unknown-id/studies",
    file: "v1/pacs/connections/[id]/studies/route.ts",
    expect: { anonymous: 401, radiologist: 404, annotator: 403, admin: 404, "token-read": 403, "token-predict": 403 },
  },
  {
    method: "POST",
    path: "/api/v1/pacs/connections/unknown-id/pulls",
    file: "v1/pacs/connections/[id]/pulls/route.ts",
    body: {},
    expect: { anonymous: 401, radiologist: 422, annotator: 403, admin: 422, "token-read": 403, "token-predict": 403 },
  },
  {
    method: "GET",
    path: "/api/v1/pacs/pulls",
    file: "v1/pacs/pulls/route.ts",
    expect: { anonymous: 401, radiologist: 200, annotator: 403, admin: 200, "token-read": 200, "token-predict": 403 },
  },
  {
    method: "GET",
    path: "/api/v1/pacs/searchable",
    file: "v1/pacs/searchable/route.ts",
    expect: { anonymous: 401, radiologist: 200, annotator: 403, admin: 200, "token-read": 200, "token-predict": 403 },
  },
];

const callers = {} as Record<Caller, APIRequestContext>;

test.beforeAll(async ({ baseURL }) => {
  const base = baseURL!;
  const admin = await signedInContext(base, E2E_ADMIN.email, E2E_ADMIN.password);
  const stamp = Date.now();
  for (const role of ["radiologist", "annotator"] as const) {
    const email = `${role}-${stamp}@rbac.local`;
    const r = await admin.post("/api/v1/users", { data: { email, name: role, role, password: "rbac-password-1" } });
    expect(r.status()).toBe(201);
    callers[role] = await signedInContext(base, email, "rbac-password-1");
  }
  callers.admin = admin;
  callers.anonymous = await (await import("@playwright/test")).request.newContext({ baseURL: base });
  for (const scope of ["read", "predict"] as const) {
    const t = await callers.radiologist.post("/api/v1/tokens", { data: { name: scope, scopes: [scope] } });
    expect(t.status()).toBe(201);
    callers[`token-${scope}`] = await bearerContext(base, ((await t.json()) as { token: { token: string } }).token.token);
  }
});

for (const route of ROUTES) {
  test(`${route.method} ${route.path}`, async () => {
    for (const [caller, status] of Object.entries(route.expect) as [Caller, number][]) {
      const res = await callers[caller].fetch(route.path, { method: route.method, data: route.body });
      expect(res.status(), `${caller} → ${route.method} ${route.path}`).toBe(status);
      if (!route.path.startsWith("/api/auth") && route.path !== "/api/metrics") {
        const body = await res.json();
        if (status >= 400) expect(body.error.code, `${caller} error code`).toBeTruthy();
        expect(JSON.stringify(body)).not.toMatch(/at .+\.(ts|js):\d+/); // no stack traces
      }
    }
  });
}

// Least privilege: annotators label pixels, so no response of theirs (JSON or DICOM) names the patient; a radiologist's
// `read` token gets the same de-identified view; the admin still sees who the patient is.
test("annotator PHI: no patient name, ID or accession in any annotator or non-admin read-token response", async ({ baseURL }) => {
  const stamp = String(Date.now()).slice(-9);
  const secrets = [`PHI-${stamp}`, `ACC${stamp}`, "Synthetic^Patient"];
  const admin = callers.admin;
  const up = await admin.post("/api/v1/studies", {
    multipart: { files: syntheticDicom({ patientId: secrets[0], accessionNumber: secrets[1] }) },
  });
  expect(up.ok(), await up.text()).toBeTruthy();
  const { studyId, instanceId } = (await up.json()).results[0] as { studyId: string; instanceId: string };
  const annotatorUser = await newUser(admin, "annotator", "phi");
  const task = await admin.post("/api/v1/assignments", { data: { kind: "annotate", studyIds: [studyId], assigneeId: annotatorUser.id } });
  expect(task.status()).toBe(201);
  const annotator = await signedInContext(baseURL!, annotatorUser.email, annotatorUser.password);
  const detail = (await (await admin.get(`/api/v1/studies/${studyId}`)).json()) as { study: { patientId: string; pseudonym: string } };
  expect(detail.study.patientId).toBe(secrets[0]); // the admin sees the patient
  const pseudonym = detail.study.pseudonym;

  const paths = [
    `/api/v1/studies?q=${pseudonym}`,
    `/api/v1/studies?q=PHI-${stamp}`,
    `/api/v1/studies/${studyId}`,
    `/api/v1/studies/${studyId}/neighbours`,
    `/api/v1/studies/${studyId}/review`,
    "/api/v1/assignments?mine=1",
    "/api/v1/pacs/pulls",
    `/api/v1/instances/${instanceId}/file`,
    `/studies/${studyId}`,
    "/tasks",
  ];
  const checked: string[] = [];
  for (const [who, ctx] of [
    ["annotator", annotator],
    ["token-read", callers["token-read"]],
  ] as const) {
    for (const p of paths) {
      const res = await ctx.get(p);
      if (res.status() === 403) continue; // not this caller's route (tokens on cookie-only routes, annotators on PACS pulls)
      expect(res.status(), `${who} ${p}`).toBeLessThan(400);
      const text = Buffer.from(await res.body()).toString("latin1");
      for (const s of secrets) expect(text, `${who} ${p} leaks ${s}`).not.toContain(s);
      checked.push(`${who} ${p}`);
    }
  }
  // The pseudonym is what they work with; the patient-ID search finds nothing for them.
  const list = (await (await annotator.get(`/api/v1/studies?q=${pseudonym}`)).json()) as {
    items: { pseudonym: string; patientId: null }[];
  };
  expect(list.items.map((i) => [i.pseudonym, i.patientId])).toEqual([[pseudonym, null]]);
  const file = Buffer.from(await (await annotator.get(`/api/v1/instances/${instanceId}/file`)).body());
  expect(file.subarray(128, 132).toString()).toBe("DICM"); // still a DICOM, with its pixels
  expect(checked.length).toBeGreaterThanOrEqual(12);
});

test("an invalid or revoked bearer token is 401 with a reason", async ({ baseURL }) => {
  const bogus = await bearerContext(baseURL!, "cxr_" + "A".repeat(43));
  const res = await bogus.get("/api/v1/me");
  expect(res.status()).toBe(401);
  expect((await res.json()).error.code).toBe("invalid_token");
});

test("the route table covers every API route file", () => {
  const root = path.resolve("app/api");
  const files: string[] = [];
  const walk = (d: string) =>
    fs
      .readdirSync(d, { withFileTypes: true })
      .forEach((e) =>
        e.isDirectory() ? walk(path.join(d, e.name)) : e.name === "route.ts" && files.push(path.relative(root, path.join(d, e.name))),
      );
  walk(root);
  const covered = new Set(ROUTES.map((r) => r.file));
  expect(files.filter((f) => !covered.has(f))).toEqual([]);
});
