import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { makeReviewableStudies, visibleFindings } from "@/lib/reviews/testing/reviewable-studies";
import { makeUser } from "@/test/factories";

// The handlers end to end minus next-auth: the caller is whoever `caller` says.
let caller: Principal | null = null;
vi.mock("@/lib/auth/current-principal", () => ({ resolveCaller: async () => (caller ? { kind: "ok", principal: caller } : { kind: "none" }) }));

const review = await import("@/app/api/v1/studies/[studyId]/review/route");
const signOff = await import("@/app/api/v1/studies/[studyId]/review/sign-off/route");
const history = await import("@/app/api/v1/reviews/[reviewId]/history/route");

const call = (handler: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>, params: Record<string, string>, method = "GET", body?: unknown, query = "") =>
  handler(
    new Request(`http://test.local/api${query}`, { method, headers: body === undefined ? {} : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) }),
    { params: Promise.resolve(params) },
  );
const as = async (role: Principal["role"], via: Principal["via"] = "session") => {
  const u = await makeUser(role);
  return { userId: u.id, email: u.email, name: u.name, role, via, scopes: via === "token" ? ["read", "predict"] : undefined } satisfies Principal;
};

let studyId: string;
beforeAll(async () => {
  studyId = (await makeReviewableStudies(1)).studies[0]!.studyId;
});

describe("review routes", () => {
  it("start, save, conflict, sign-off and history over HTTP", async () => {
    caller = await as("radiologist");
    const findings = await visibleFindings(studyId);
    expect((await call(review.GET, { studyId }).then((r) => r.json())).review).toBeNull();
    expect((await call(review.POST, { studyId }, "POST")).status).toBe(201);
    expect((await call(review.POST, { studyId }, "POST")).status).toBe(200);

    const saved = await call(review.PATCH, { studyId }, "PATCH", { version: 1, operations: [{ op: "accept", findingId: findings[0]!.id }] });
    expect(saved.status).toBe(200);
    const { review: dto, results } = await saved.json();
    expect(dto.version).toBe(2);
    expect(results).toEqual([{ labelId: dto.labels[0].id, change: "accept" }]);

    const stale = await call(review.PATCH, { studyId }, "PATCH", { version: 1, operations: [] });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatchObject({ code: "conflict", details: { currentVersion: 2 } });

    const invalid = await call(review.PATCH, { studyId }, "PATCH", { version: 2, operations: [{ op: "add", box: [5, 5, 1, 9], className: "ILD" }] });
    expect(invalid.status).toBe(422);
    const outside = await call(review.PATCH, { studyId }, "PATCH", { version: 2, operations: [{ op: "add", box: [5, 5, 200, 9], className: "ILD" }] });
    expect(outside.status).toBe(422);
    expect((await outside.json()).error.code).toBe("unprocessable");

    expect((await call(signOff.POST, { studyId }, "POST", { version: 2, impression: "abnormal" })).status).toBe(200);
    const locked = await call(review.PATCH, { studyId }, "PATCH", { version: 3, operations: [] });
    expect(locked.status).toBe(409);
    expect((await locked.json()).error.message).toMatch(/signed off/);

    const h = await call(history.GET, { reviewId: dto.id });
    expect(h.status).toBe(200);
    expect((await h.json()).revisions).toMatchObject([{ change: "accept", author: { email: caller.email } }]);
  });

  it("403 for API tokens and for annotators signing off, 404 for unknown ids, 401 without a session", async () => {
    caller = await as("radiologist", "token");
    for (const [h, method, params] of [[review.GET, "GET", { studyId }], [review.POST, "POST", { studyId }], [review.PATCH, "PATCH", { studyId }], [signOff.POST, "POST", { studyId }], [history.GET, "GET", { reviewId: "x" }]] as const)
      expect((await call(h, params, method, method === "GET" ? undefined : { version: 1 })).status, `${method}`).toBe(403);
    caller = await as("annotator");
    expect((await call(signOff.POST, { studyId }, "POST", { version: 1, impression: "abnormal" })).status).toBe(403);
    expect((await call(review.GET, { studyId }, "GET", undefined, "?purpose=primary")).status).toBe(403);
    expect((await call(review.GET, { studyId: "unknown-id" })).status).toBe(404);
    expect((await call(review.PATCH, { studyId: "unknown-id" }, "PATCH", { version: 0, operations: [] })).status).toBe(404);
    expect((await call(history.GET, { reviewId: "unknown-id" })).status).toBe(404);
    caller = null;
    expect((await call(review.GET, { studyId })).status).toBe(401);
  });
});
